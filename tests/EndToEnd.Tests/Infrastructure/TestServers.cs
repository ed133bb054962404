using System.Diagnostics;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Containers;
using Testcontainers.PostgreSql;
using Testcontainers.RabbitMq;

namespace Lapor.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The real broker and database of the distributed, fault and benchmark runs. With <c>LAPOR_TEST_RABBITMQ_IMAGE</c> and
/// <c>LAPOR_TEST_POSTGRES_IMAGE</c> set (tests/run.sh sets them to the images deploy/images.sh builds; an official
/// <c>rabbitmq:3-management</c> and <c>postgres:16</c> work too) the run starts its own containers with
/// Testcontainers, on fixed loopback ports so a restart keeps them, labelled <c>lapor.test=1</c> for the script to
/// remove; without them, the servers deploy/infra.sh starts on this machine. Containers start once per test process.
/// </summary>
public static class TestServers
{
    public const string Label = "lapor.test";

    private static readonly string? RabbitMqImage = Environment.GetEnvironmentVariable("LAPOR_TEST_RABBITMQ_IMAGE");
    private static readonly string? PostgresImage = Environment.GetEnvironmentVariable("LAPOR_TEST_POSTGRES_IMAGE");

    public static bool InContainers => RabbitMqImage is { Length: > 0 } && PostgresImage is { Length: > 0 };

    private static readonly Lazy<(RabbitMqContainer Broker, int BrokerPort, PostgreSqlContainer Database, int DatabasePort)> Started = new(Start);

    public static string RabbitMqHost => InContainers ? "127.0.0.1" : Environment.GetEnvironmentVariable("LAPOR_TEST_RABBITMQ_HOST") ?? "127.0.0.1";

    public static int RabbitMqPort => InContainers ? Started.Value.BrokerPort : int.Parse(Environment.GetEnvironmentVariable("LAPOR_TEST_RABBITMQ_PORT") ?? "5672");

    /// <summary>A PostgreSQL role allowed to create databases.</summary>
    public static string Postgres => InContainers
        ? $"Host=127.0.0.1;Port={Started.Value.DatabasePort};Username=lapor;Password=lapor"
        : Environment.GetEnvironmentVariable("LAPOR_TEST_POSTGRES") ?? "Host=127.0.0.1;Port=5432;Username=lapor;Password=lapor";

    private static (RabbitMqContainer, int, PostgreSqlContainer, int) Start()
    {
        var (brokerPort, databasePort) = (TestEnvironment.FreePort(), TestEnvironment.FreePort());
        var broker = new RabbitMqBuilder().WithImage(RabbitMqImage).WithUsername("guest").WithPassword("guest")
            .WithPortBinding(brokerPort, RabbitMqBuilder.RabbitMqPort).WithLabel(Label, "1").Build();
        var database = new PostgreSqlBuilder().WithImage(PostgresImage).WithUsername("lapor").WithPassword("lapor").WithDatabase("lapor")
            .WithCommand("-c", "max_connections=300")
            .WithPortBinding(databasePort, PostgreSqlBuilder.PostgreSqlPort).WithLabel(Label, "1").Build();
        Task.WaitAll(broker.StartAsync(), database.StartAsync());
        return (broker, brokerPort, database, databasePort);
    }

    /// <summary>rabbitmqctl against the broker: in its container, or this machine's (through sudo when not root).</summary>
    public static async Task<string> RabbitMqCtlAsync(params string[] args)
    {
        if (InContainers)
        {
            var result = await Started.Value.Broker.ExecAsync(["rabbitmqctl", .. args]);
            if (result.ExitCode != 0) throw new InvalidOperationException($"rabbitmqctl {string.Join(' ', args)} failed: {result.Stderr}");
            return result.Stdout;
        }
        return await RunAsync("rabbitmqctl", args);
    }

    /// <summary>Stops and starts the RabbitMQ application (connections drop; durable queues and messages stay).</summary>
    public static async Task RestartRabbitMqAsync()
    {
        await RabbitMqCtlAsync("-q", "stop_app");
        await Task.Delay(TimeSpan.FromSeconds(2));
        await RabbitMqCtlAsync("-q", "start_app");
        await RabbitMqCtlAsync("-q", "await_startup");
    }

    /// <summary>Restarts PostgreSQL: every connection of every service is cut; the data stays.</summary>
    public static async Task RestartPostgresAsync()
    {
        if (InContainers)
        {
            await Started.Value.Database.StopAsync();
            await Started.Value.Database.StartAsync();
        }
        else
        {
            var cluster = (await RunAsync("pg_lsclusters", "-h")).Split('\n', StringSplitOptions.RemoveEmptyEntries)[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            await RunAsync("pg_ctlcluster", cluster[0], cluster[1], "restart");
        }
    }

    /// <summary>An administration command on this machine (through sudo when not root); fails if it fails.</summary>
    private static async Task<string> RunAsync(string command, params string[] args)
    {
        var root = Environment.UserName == "root";
        var start = new ProcessStartInfo(root ? command : "sudo") { RedirectStandardOutput = true, RedirectStandardError = true };
        if (!root) { start.ArgumentList.Add("-n"); start.ArgumentList.Add(command); }
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0) throw new InvalidOperationException($"{command} {string.Join(' ', args)} exited {process.ExitCode}: {await error}");
        return await output;
    }
}
