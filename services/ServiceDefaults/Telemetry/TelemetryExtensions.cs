using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Lapor.ServiceDefaults.Telemetry;

/// <summary>Lapor's own trace source and meter, and OpenTelemetry wired by its hosting package.</summary>
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

    /// <summary>Lapor's own trace sources and those of the libraries that emit natively (MassTransit, YARP).</summary>
    public static readonly string[] OwnSources = [Name, "Lapor.Outbox", "Lapor.GroupCommit", "MassTransit", "Yarp.ReverseProxy"];

    /// <summary>Every source a trace of a report crosses: ours, and those ASP.NET Core, HttpClient and Npgsql instrumentation listen to.</summary>
    public static readonly string[] TraceSources = [.. OwnSources, "Microsoft.AspNetCore", "System.Net.Http", "Npgsql"];

    /// <summary>
    /// OpenTelemetry's hosting package: log scopes carry trace and span ids always; traces (Lapor's sources, MassTransit,
    /// YARP, ASP.NET Core, HttpClient, Npgsql) and metrics (Lapor's and MassTransit's meters, ASP.NET Core, HttpClient,
    /// the runtime) are exported over OTLP only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set: without it no process
    /// sends telemetry anywhere. The host starts the providers and flushes them on stop.
    /// </summary>
    public static WebApplicationBuilder AddLaporTelemetry(this WebApplicationBuilder builder)
    {
        builder.Logging.Configure(options =>
            options.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);

        if (string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"])) return builder;

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(builder.Environment.ApplicationName))
            .WithTracing(tracing => tracing.AddSource(OwnSources).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddNpgsql())
            .WithMetrics(metrics => metrics.AddMeter(Name, "MassTransit").AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddRuntimeInstrumentation())
            .UseOtlpExporter();
        return builder;
    }
}
