using Lapor.EndToEnd.Tests.Infrastructure;

namespace Lapor.EndToEnd.Tests.Reliability;

/// <summary>
/// Distributed Lapor for the fault suite: every service's outbox publishes each event twice (so every
/// scenario also proves the consumers' deduplication), and the broker and database can be restarted.
/// </summary>
public class FaultyLapor : DistributedLapor
{
    private readonly HashSet<string> _restarting = [];
    private readonly CancellationTokenSource _stop = new();
    private Task? _supervisor;

    /// <summary>How many times the supervisor had to start a service that stopped by itself (the bus watchdog's way out).</summary>
    public int SupervisorRestarts { get; private set; }

    /// <summary>What every faulty service runs with: each event published twice, and a bus watchdog that gives up after 15 s.</summary>
    protected static IReadOnlyDictionary<string, string> FaultSettings { get; } =
        new Dictionary<string, string> { ["Lapor__Faults__PublishTwice"] = "true", ["Lapor__Bus__WatchdogSeconds"] = "15" };

    protected override IReadOnlyDictionary<string, string> ServiceSettings => FaultSettings;

    /// <summary>Stops and starts the RabbitMQ application (connections drop; durable queues and messages stay).</summary>
    public static Task RestartRabbitMqAsync() => TestServers.RestartRabbitMqAsync();

    /// <summary>Restarts PostgreSQL: every connection of every service is cut.</summary>
    public static async Task RestartPostgresAsync()
    {
        await TestServers.RestartPostgresAsync();
        Npgsql.NpgsqlConnection.ClearAllPools(); // the suite's own pooled connections died with the server
    }

    /// <summary>kill -9 (or SIGTERM when <paramref name="graceful"/>) and start again with the same settings, changed by <paramref name="change"/> if given.</summary>
    public async Task RestartAsync(string service, Action<Dictionary<string, string>>? change = null, TimeSpan? down = null, bool graceful = false)
    {
        var process = Service(service);
        lock (_restarting) _restarting.Add(service);
        try
        {
            if (graceful)
            {
                var exitCode = await process.StopGracefullyAsync(TimeSpan.FromSeconds(40));
                if (exitCode != 0) throw new InvalidOperationException($"{service} stopped with exit code {exitCode}:\n{process.RecentOutput}");
            }
            else
            {
                await process.KillAsync();
            }
            change?.Invoke(process.Environment);
            if (down is { } pause) await Task.Delay(pause);
            process.Start();
            await WaitUntilHealthy(process);
        }
        finally
        {
            lock (_restarting) _restarting.Remove(service);
        }
    }

    /// <summary>The agency's supervisor the desk knows (their first request makes them known): told of every report, once.</summary>
    public static readonly string Supervisor = $"supervisor:{SkeletonFlow.RoadAgency}:Penyelia";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var supervisor = await Client.AsAsync(NewClient, "supervisor", SkeletonFlow.RoadAgency, name: "Penyelia");
        (await supervisor.GetAsync("/api/desk/notices")).EnsureSuccessStatusCode();
        _supervisor = SuperviseAsync(_stop.Token);
    }

    public override async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_supervisor is not null) await _supervisor;
        await base.DisposeAsync();
    }

    // What systemd, Docker's restart policy or Kubernetes do in production: start a service that exited by itself.
    private async Task SuperviseAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            foreach (var name in new[] { "intake", "triage", "desk", "analytics" })
            {
                bool planned;
                lock (_restarting) planned = _restarting.Contains(name);
                if (planned || !Service(name).HasExited) continue;
                SupervisorRestarts++;
                Service(name).Start();
            }
            try { await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken); }
            catch (OperationCanceledException) { }
        }
    }
}
