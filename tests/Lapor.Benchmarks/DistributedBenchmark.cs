using System.Diagnostics;
using Lapor.EndToEnd.Tests.Infrastructure;
using Npgsql;

namespace Lapor.Benchmarks;

/// <summary>
/// Lapor in its distributed shape (four services and the gateway as processes, real RabbitMQ and PostgreSQL,
/// started with the test suite's launcher) through the gateway: reports accepted per second at saturation and
/// their latency, how long the pipeline takes to drain what was accepted, accept latency at a fixed rate, and
/// time from 201 to the agency inbox; then the same saturation load against the bare baseline endpoint.
/// </summary>
public static class DistributedBenchmark
{
    public sealed record Result(int Connections, int Seconds, double AcceptedPerSecond, Latency AcceptAtSaturation, int Errors,
        double EndToEndPerSecond, double DrainSeconds, int FixedRate, Latency AcceptAtFixedRate, Latency FiledToInbox,
        double BaselinePerSecond, Latency BaselineLatency, double RatioToBaseline, IReadOnlyDictionary<string, ServiceMemory> Memory);

    /// <summary>A process's resident memory after start-up and warm-up, and its peak through the loads, in MB.</summary>
    public sealed record ServiceMemory(double IdleMb, double PeakUnderLoadMb);

    public static async Task<Result> RunAsync(BenchmarkOptions options)
    {
        var duration = TimeSpan.FromSeconds(options.Seconds);
        // The baseline first, on an idle machine: measured after Lapor it would compete with Lapor's backlog.
        var baseline = await BaselineAsync(options, duration);
        var lapor = new DistributedLapor();
        try
        {
            await lapor.InitializeAsync();
            using var client = new HttpClient { BaseAddress = lapor.Gateway.Address, Timeout = TimeSpan.FromSeconds(30) };
            var officer = await TestTokens.MintAsync(client, "officer", "35.78.dpupr");
            await LoadGenerator.SaturateAsync(client, "/api/complaints", options.Connections, TimeSpan.FromSeconds(3)); // warm-up
            await Task.Delay(TimeSpan.FromSeconds(5)); // let the warm-up drain before reading idle memory
            var idle = lapor.Processes.ToDictionary(p => p.Name, p => p.Memory().Resident);

            var saturated = await LoadGenerator.SaturateAsync(client, "/api/complaints", options.Connections, duration);
            var drain = Stopwatch.StartNew();
            while (await InInboxAsync(lapor, saturated.Accepted) < saturated.Accepted.Count && drain.Elapsed < TimeSpan.FromMinutes(5))
                await Task.Delay(250);
            var endToEnd = Math.Round(saturated.Accepted.Count / (saturated.Elapsed + drain.Elapsed).TotalSeconds, 1);

            var rate = Math.Min(200, Math.Max(10, (int)(saturated.PerSecond * 0.8)));
            var fixedRate = await LoadGenerator.FixedRateAsync(client, "/api/complaints", rate, duration);
            var toInbox = await IntakeBenchmark.FiledToInbox(client, officer, samples: 30);
            var memory = lapor.Processes.ToDictionary(p => p.Name, p => new ServiceMemory(idle[p.Name], p.Memory().Peak));
            var result = new Result(options.Connections, options.Seconds, saturated.PerSecond, Latency.Of(saturated.Latencies), saturated.Errors,
                endToEnd, Math.Round(drain.Elapsed.TotalSeconds, 1), rate, Latency.Of(fixedRate.Latencies), Latency.Of(toInbox),
                baseline.PerSecond, Latency.Of(baseline.Latencies), Math.Round(endToEnd / baseline.PerSecond, 3), memory);
            Console.WriteLine($"Distributed ({options.Connections} connections, {options.Seconds} s): {result.AcceptedPerSecond} reports/s accepted, " +
                $"accept {result.AcceptAtSaturation}, {result.Errors} errors; all in the inbox {result.DrainSeconds} s after the load → " +
                $"{result.EndToEndPerSecond} reports/s end to end.");
            Console.WriteLine($"Distributed at {rate}/s: accept {result.AcceptAtFixedRate}; filed → inbox {result.FiledToInbox}.");
            Console.WriteLine($"Baseline (one PostgreSQL insert + one confirmed RabbitMQ publish): {result.BaselinePerSecond} requests/s, " +
                $"{result.BaselineLatency}; Lapor end to end / baseline = {result.RatioToBaseline:0.000}.");
            Console.WriteLine("Resident memory, idle → peak under load (MB): " +
                string.Join(", ", memory.Select(m => $"{m.Key} {m.Value.IdleMb:0} → {m.Value.PeakUnderLoadMb:0}")) + ".");
            return result;
        }
        catch
        {
            Console.Error.WriteLine(lapor.Diagnostics);
            throw;
        }
        finally
        {
            await lapor.DisposeAsync();
        }
    }

    private static Task<long> InInboxAsync(DistributedLapor lapor, List<string> trackingIds) =>
        lapor.Databases.ScalarAsync<long>("desk", "SELECT count(*) FROM complaints WHERE \"TrackingId\" = ANY(@t)", ("t", trackingIds.ToArray()));

    private static async Task<LoadResult> BaselineAsync(BenchmarkOptions options, TimeSpan duration)
    {
        var name = TestEnvironment.UniqueName("lapor_baseline");
        var admin = new NpgsqlConnectionStringBuilder(TestEnvironment.Postgres) { Database = "postgres" }.ConnectionString;
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        var vhost = await RabbitMqVirtualHost.CreateAsync();
        try
        {
            await using var server = await BaselineServer.StartAsync(
                new NpgsqlConnectionStringBuilder(TestEnvironment.Postgres) { Database = name }.ConnectionString, vhost.Uri(), TestEnvironment.FreePort());
            using var client = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(30) };
            await LoadGenerator.SaturateAsync(client, "/baseline", options.Connections, TimeSpan.FromSeconds(3));
            return await LoadGenerator.SaturateAsync(client, "/baseline", options.Connections, duration);
        }
        finally
        {
            await vhost.DisposeAsync();
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
