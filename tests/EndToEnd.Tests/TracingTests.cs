using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Lapor.EndToEnd.Tests.Infrastructure;
using Lapor.ServiceDefaults.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Trace;
using static Lapor.EndToEnd.Tests.Infrastructure.SkeletonFlow;

namespace Lapor.EndToEnd.Tests;

/// <summary>One citizen's report is one trace: the request, the outbox, and every service's consumers.</summary>
public sealed class TracingTests(EmbeddedLaporFactory lapor) : IClassFixture<EmbeddedLaporFactory>
{
    [Fact]
    public async Task Filing_a_report_yields_one_trace_across_intake_triage_desk_and_analytics()
    {
        var spans = new ConcurrentQueue<Activity>();
        using var tracing = Sdk.CreateTracerProviderBuilder()
            .AddSource(LaporTelemetry.TraceSources)
            .AddProcessor(new SimpleActivityExportProcessor(new CollectingExporter(spans)))
            .Build();

        var traceId = ActivityTraceId.CreateRandom();
        var client = lapor.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/complaints") { Content = JsonContent.Create(RoadInSurabaya) };
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        var receipt = (await (await client.SendAsync(request)).Content.ReadFromJsonAsync<Receipt>())!;
        await Eventually(async () => (await TrackAsync(client, receipt)).GetProperty("timeline").GetArrayLength() == 3, "the report is routed");

        string[] services = ["intake-", "triage-", "agency-desk-", "analytics-"];
        await Eventually(() => Task.FromResult(services.All(service => Ours(spans, traceId).Any(s => Describes(s, service)))),
            "consumers of every service join the trace");
        Assert.Contains(Ours(spans, traceId), s => s.Source.Name == "Lapor.Outbox");
        Assert.Contains(Ours(spans, traceId), s => s.Source.Name == "Microsoft.AspNetCore");
    }

    private static IEnumerable<Activity> Ours(IEnumerable<Activity> spans, ActivityTraceId traceId) => spans.Where(s => s.TraceId == traceId);

    private static bool Describes(Activity span, string service) =>
        span.DisplayName.Contains(service) || span.TagObjects.Any(t => t.Value?.ToString()?.Contains(service) == true);

    private sealed class CollectingExporter(ConcurrentQueue<Activity> spans) : BaseExporter<Activity>
    {
        public override ExportResult Export(in Batch<Activity> batch)
        {
            foreach (var span in batch) spans.Enqueue(span);
            return ExportResult.Success;
        }
    }
}
