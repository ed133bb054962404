using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Lapor.EndToEnd.Tests.Infrastructure;
using Lapor.ServiceDefaults.Telemetry;
using static Lapor.EndToEnd.Tests.Infrastructure.SkeletonFlow;

namespace Lapor.EndToEnd.Tests;

public sealed class MetricsTests(EmbeddedLaporFactory lapor) : IClassFixture<EmbeddedLaporFactory>
{
    [Fact]
    public async Task Filing_and_routing_are_measured_by_lapors_own_meter()
    {
        var measured = new ConcurrentQueue<(string Instrument, long Value, string Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) => { if (instrument.Meter.Name == LaporTelemetry.Name) l.EnableMeasurementEvents(instrument); };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            measured.Enqueue((instrument.Name, value, string.Join(",", tags.ToArray().Select(t => $"{t.Key}={t.Value}")))));
        listener.Start();

        var client = lapor.CreateClient();
        var receipt = await FileAsync(client, RoadInSurabaya);
        await Eventually(async () => (await TrackAsync(client, receipt)).GetProperty("status").GetString() == "terdisposisi", "the report is routed");
        listener.RecordObservableInstruments();

        Assert.Contains(measured, m => m.Instrument == "lapor.reports.filed" && m.Tags.Contains("type=aduan") && m.Tags.Contains("channel=api"));
        Assert.Contains(measured, m => m.Instrument == "lapor.reports.routed" && m.Tags.Contains("sector=infrastruktur") && m.Tags.Contains("route=lokal"));
        Assert.Contains(measured, m => m.Instrument == "lapor.outbox.backlog");
        Assert.DoesNotContain(measured, m => m.Tags.Contains(receipt.TrackingId));
    }

    [Fact]
    public async Task A_consumer_that_throws_is_counted_per_endpoint_and_exception_without_the_message()
    {
        await using var poisoned = new EmbeddedLaporFactory();
        poisoned.Settings["Lapor:Faults:PoisonText"] = "RACUN-METRIK";
        var errors = new ConcurrentQueue<string>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) => { if (instrument.Name == "lapor.consumer.errors") l.EnableMeasurementEvents(instrument); };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) => errors.Enqueue(string.Join(",", tags.ToArray().Select(t => $"{t.Key}={t.Value}"))));
        listener.Start();

        var client = poisoned.CreateClient();
        await FileAsync(client, new { type = "aduan", title = "Laporan RACUN-METRIK untuk uji", text = "Isi laporan ini memicu kegagalan konsumen RACUN-METRIK." });
        await Eventually(() => Task.FromResult(errors.Any(e => e.Contains("endpoint=triage-complaints") && e.Contains("exception=InvalidOperationException"))),
            "triage's failed attempts are counted");

        Assert.DoesNotContain(errors, e => e.Contains("RACUN-METRIK"));
    }
}
