using System.Net.Http.Json;
using Lapor.EndToEnd.Tests.Infrastructure;

namespace Lapor.EndToEnd.Tests.Reliability;

/// <summary>
/// Faulty distributed Lapor with two processes of every service on the same databases and broker — what "add a second
/// machine" means — behind one gateway balancing across them. Both replicas mail (reporters' notifications, the agency
/// supervisor's notices, to an <see cref="SmtpSink"/>) and sweep deadlines every second; a lease a killed replica held
/// runs out after 10 s.
/// </summary>
public sealed class ScaledOutLapor : FaultyLapor
{
    public const string SupervisorEmail = "penyelia@dinas-pu.test";
    public static readonly string[] Services = ["intake", "triage", "desk", "analytics"];

    private Dictionary<string, string>? _settings;

    public SmtpSink Mail { get; } = new();

    protected override int Replicas => 2;

    protected override IReadOnlyDictionary<string, string> ServiceSettings => _settings ??= Settings();

    private Dictionary<string, string> Settings()
    {
        var settings = new Dictionary<string, string>(FaultSettings)
        {
            ["Lapor__Notifications__Smtp__Host"] = "127.0.0.1",
            ["Lapor__Notifications__Smtp__Port"] = Mail.Port.ToString(),
            ["Lapor__Notifications__Smtp__From"] = "lapor@lapor.test",
            ["Lapor__Notifications__LeaseSeconds"] = "10",
            ["Lapor__Desk__MailSeconds"] = "1",
            ["Lapor__Desk__MailLeaseSeconds"] = "10",
            ["Lapor__Triage__SweepSeconds"] = "1",
        };
        // The gateway asks each replica whether it is ready every 2 s (production: 10 s), on top of its passive checks.
        foreach (var cluster in Services) settings[$"ReverseProxy__Clusters__{cluster}__HealthCheck__Active__Interval"] = "00:00:02";
        return settings;
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var supervisor = await Client.AsAsync(NewClient, "supervisor", SkeletonFlow.RoadAgency, name: "Penyelia");
        (await supervisor.PutAsJsonAsync("/api/desk/notices/mail", new { email = SupervisorEmail, dailyDigest = false })).EnsureSuccessStatusCode();
    }

    /// <summary>Each service's second process.</summary>
    public IEnumerable<ServiceProcess> SecondReplicas => Services.Select(service => Service(ReplicaName(service, 2)));

    /// <summary>Starts the second replicas that are not running (after a test killed them; the first ones have the supervisor).</summary>
    public async Task StartStoppedReplicasAsync()
    {
        foreach (var service in SecondReplicas.Where(p => p.HasExited))
        {
            service.Start();
            await WaitUntilHealthy(service);
        }
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Mail.DisposeAsync();
    }
}
