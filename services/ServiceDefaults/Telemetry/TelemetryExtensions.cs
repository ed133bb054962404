using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Lapor.ServiceDefaults.Telemetry;

/// <summary>Lapor's own trace source and meter, and OpenTelemetry wiring without the hosting package.</summary>
public static class LaporTelemetry
{
    public const string Name = "Lapor";
    public static readonly ActivitySource Source = new(Name);
    public static readonly Meter Meter = new(Name);

    // Lapor's own measurements. Tags carry only types, channels, sectors, levels and agency ids: never report content.
    public static readonly Counter<long> ReportsFiled = Meter.CreateCounter<long>("lapor.reports.filed", description: "Reports accepted, by channel and type.");
    public static readonly Counter<long> ReportsRouted = Meter.CreateCounter<long>("lapor.reports.routed", description: "Routing decisions, by sector and route.");
    public static readonly Histogram<double> FilingToRouting = Meter.CreateHistogram<double>("lapor.reports.filing_to_routing", "s", "Time from filing to routing.");
    public static readonly Counter<long> AgencyResponses = Meter.CreateCounter<long>("lapor.desk.responses", description: "Agency answers and resolutions, by action.");
    public static readonly Counter<long> ConsumerErrors = Meter.CreateCounter<long>("lapor.consumer.errors", description: "Failed delivery attempts, by endpoint and exception type (each retry counts).");
    public static readonly Counter<long> SlaBreaches = Meter.CreateCounter<long>("lapor.sla.breaches", description: "Missed deadlines, by deadline.");

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> OutboxBacklogs = new();
    private static readonly ObservableGauge<long> OutboxBacklogGauge = Meter.CreateObservableGauge("lapor.outbox.backlog",
        () => OutboxBacklogs.Select(b => new Measurement<long>(b.Value, new KeyValuePair<string, object?>("database", b.Key))),
        description: "Committed events not yet published, per service database.");

    public static void ReportOutboxBacklog(string database, long unsent) => OutboxBacklogs[database] = unsent;

    /// <summary>Sources .NET and the libraries Lapor uses emit natively.</summary>
    public static readonly string[] TraceSources =
        [Name, "Lapor.Outbox", "Lapor.GroupCommit", "Microsoft.AspNetCore", "System.Net.Http", "Yarp.ReverseProxy", "MassTransit", "Npgsql"];

    public static readonly string[] Meters =
        [Name, "MassTransit", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Net.Http", "System.Runtime"];

    /// <summary>
    /// Log scopes carry trace and span ids always; traces and metrics are exported over OTLP only when
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
    /// </summary>
    public static WebApplicationBuilder AddLaporTelemetry(this WebApplicationBuilder builder)
    {
        builder.Logging.Configure(options =>
            options.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);

        if (string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"])) return builder;

        var resource = ResourceBuilder.CreateDefault().AddService(builder.Environment.ApplicationName);
        var tracing = Sdk.CreateTracerProviderBuilder().SetResourceBuilder(resource).AddSource(TraceSources).AddOtlpExporter().Build();
        var metrics = Sdk.CreateMeterProviderBuilder().SetResourceBuilder(resource).AddMeter(Meters).AddOtlpExporter().Build();
        builder.Services.AddHostedService(_ => new TelemetryFlusher(tracing, metrics));
        return builder;
    }

    /// <summary>DI does not dispose instances it did not create; flush and dispose the providers on stop.</summary>
    private sealed class TelemetryFlusher(TracerProvider? tracing, MeterProvider? metrics) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken)
        {
            tracing?.ForceFlush(5000);
            metrics?.ForceFlush(5000);
            tracing?.Dispose();
            metrics?.Dispose();
            return Task.CompletedTask;
        }
    }
}
