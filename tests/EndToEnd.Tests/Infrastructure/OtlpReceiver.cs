using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Lapor.EndToEnd.Tests.Infrastructure;

/// <summary>A span as a process exported it: which service, which trace, which parent.</summary>
public sealed record ExportedSpan(string Service, string TraceId, string SpanId, string ParentSpanId, string Name);

/// <summary>
/// A minimal OpenTelemetry collector for tests: accepts OTLP/HTTP protobuf exports from Lapor's processes
/// (<c>POST /v1/traces</c>; metrics are accepted and ignored) and keeps every span. The protobuf messages are
/// read with the few field numbers of the OTLP trace schema this needs.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ExportedSpan> _spans;

    private OtlpReceiver(WebApplication app, ConcurrentQueue<ExportedSpan> spans)
    {
        _app = app;
        _spans = spans;
        Address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    /// <summary>Where processes export to (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c> with protocol http/protobuf).</summary>
    public Uri Address { get; }

    /// <summary>Spans received so far.</summary>
    public IReadOnlyList<ExportedSpan> Spans => [.. _spans];

    public static async Task<OtlpReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var spans = new ConcurrentQueue<ExportedSpan>();
        app.MapPost("/v1/traces", async (HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            foreach (var span in ReadTraces(body.ToArray())) spans.Enqueue(span);
            return Results.Bytes([], "application/x-protobuf");
        });
        app.MapPost("/v1/metrics", () => Results.Bytes([], "application/x-protobuf"));
        await app.StartAsync();
        return new OtlpReceiver(app, spans);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    // ExportTraceServiceRequest: 1 resource_spans. ResourceSpans: 1 resource, 2 scope_spans. Resource: 1 attributes.
    // KeyValue: 1 key, 2 value (AnyValue: 1 string_value). ScopeSpans: 2 spans.
    // Span: 1 trace_id, 2 span_id, 4 parent_span_id, 5 name.
    private static IEnumerable<ExportedSpan> ReadTraces(byte[] request)
    {
        foreach (var resourceSpans in Fields(request).Where(f => f.Number == 1))
        {
            var fields = Fields(resourceSpans.Bytes).ToList();
            var service = fields.Where(f => f.Number == 1).SelectMany(resource => Fields(resource.Bytes))
                .Where(f => f.Number == 1)
                .Select(attribute => Fields(attribute.Bytes).ToList())
                .Where(kv => kv.Any(f => f.Number == 1 && f.Text == "service.name"))
                .Select(kv => Fields(kv.Single(f => f.Number == 2).Bytes).Single(f => f.Number == 1).Text)
                .FirstOrDefault() ?? "";
            foreach (var scopeSpans in fields.Where(f => f.Number == 2))
            foreach (var span in Fields(scopeSpans.Bytes).Where(f => f.Number == 2))
            {
                var parts = Fields(span.Bytes).ToList();
                string Hex(int number) => Convert.ToHexStringLower(parts.FirstOrDefault(f => f.Number == number)?.Bytes ?? []);
                yield return new ExportedSpan(service, Hex(1), Hex(2), Hex(4), parts.FirstOrDefault(f => f.Number == 5)?.Text ?? "");
            }
        }
    }

    private sealed record Field(int Number, byte[] Bytes)
    {
        public string Text => System.Text.Encoding.UTF8.GetString(Bytes);
    }

    /// <summary>The length-delimited fields of one protobuf message; other wire types are skipped.</summary>
    private static IEnumerable<Field> Fields(byte[] message)
    {
        var position = 0;
        while (position < message.Length)
        {
            var key = Varint(message, ref position);
            var number = (int)(key >> 3);
            switch (key & 7)
            {
                case 0: Varint(message, ref position); break;
                case 1: position += 8; break;
                case 5: position += 4; break;
                case 2:
                    var length = (int)Varint(message, ref position);
                    yield return new Field(number, message[position..(position + length)]);
                    position += length;
                    break;
                default: throw new FormatException($"Unsupported protobuf wire type {key & 7}.");
            }
        }
    }

    private static ulong Varint(byte[] message, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = message[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) return value;
        }
    }
}
