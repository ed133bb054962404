namespace Lapor.EndToEnd.Tests.Infrastructure;

/// <summary>The distributed shape with every process exporting its traces over OTLP to a receiver of the test's own.</summary>
public sealed class TracedLapor : DistributedLapor
{
    public OtlpReceiver Telemetry { get; private set; } = null!;

    protected override IReadOnlyDictionary<string, string> ServiceSettings => new Dictionary<string, string>
    {
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Telemetry.Address.ToString().TrimEnd('/'),
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
        ["Lapor__Triage__SweepSeconds"] = "2", // a deadline moved into the past is swept at once
    };

    public override async Task InitializeAsync()
    {
        Telemetry = await OtlpReceiver.StartAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Telemetry.DisposeAsync();
    }
}
