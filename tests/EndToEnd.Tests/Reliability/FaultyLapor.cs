using Lapor.EndToEnd.Tests.Infrastructure;

namespace Lapor.EndToEnd.Tests.Reliability;

/// <summary>
/// Distributed Lapor for the fault suite: every service's outbox publishes each event twice (so every
/// scenario also proves the consumers' deduplication), and the broker and database can be restarted.
/// </summary>
public sealed class FaultyLapor : DistributedLapor
{
    protected override IReadOnlyDictionary<string, string> ServiceSettings { get; } =
        new Dictionary<string, string> { ["Lapor__Faults__PublishTwice"] = "true", ["Lapor__Bus__WatchdogSeconds"] = "15" };

    /// <summary>Stops and starts the RabbitMQ application (connections drop; durable queues and messages stay).</summary>
    public static async Task RestartRabbitMqAsync()
    {
        await Shell.RunAsync("rabbitmqctl", "-q stop_app");
        await Task.Delay(TimeSpan.FromSeconds(2));
        await Shell.RunAsync("rabbitmqctl", "-q start_app");
        await Shell.RunAsync("rabbitmqctl", "-q await_startup");
    }

    /// <summary>Restarts the PostgreSQL cluster: every connection of every service is cut.</summary>
    public static async Task RestartPostgresAsync()
    {
        var cluster = (await Shell.RunAsync("pg_lsclusters", "-h")).Split('\n', StringSplitOptions.RemoveEmptyEntries)[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        await Shell.RunAsync("pg_ctlcluster", $"{cluster[0]} {cluster[1]} restart");
        Npgsql.NpgsqlConnection.ClearAllPools(); // the suite's own pooled connections died with the server
    }

    /// <summary>kill -9 and start again with the same settings, changed by <paramref name="change"/> if given.</summary>
    public async Task RestartAsync(string service, Action<Dictionary<string, string>>? change = null, TimeSpan? down = null)
    {
        var process = Service(service);
        await process.KillAsync();
        change?.Invoke(process.Environment);
        if (down is { } pause) await Task.Delay(pause);
        process.Start();
        await WaitUntilHealthy(process);
    }
}
