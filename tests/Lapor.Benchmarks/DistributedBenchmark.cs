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
        double EndToEndPerSecond, double InboxSeconds, double DrainSeconds, IReadOnlyList<RateResult> FixedRates, Latency FiledToInbox,
        double BaselinePerSecond, Latency BaselineLatency, double RatioToBaseline, IReadOnlyDictionary<string, ServiceMemory> Memory,
        IReadOnlyDictionary<string, double> CpuMsPerReport, IReadOnlyDictionary<string, double> BaselineCpuMsPerRequest,
        IReadOnlyList<Round> Rounds);

    /// <summary>One saturation load and its drain: reports accepted, the rate end to end, and the machine's CPU per report.</summary>
    public sealed record Round(double AcceptedPerSecond, double EndToEndPerSecond, double MachineCpuMsPerReport);

    /// <summary>
    /// Reports offered at a fixed rate (open model: one request every 1/rate s whatever the answers take): how many
    /// were accepted per second, their accept latency, how many failed (timeouts at 30 s count), and how long after
    /// the load the last accepted one reached the inbox (near zero when the pipeline keeps up).
    /// </summary>
    /// <param name="FiledToInbox">Each report's time from filing to the agency inbox (distributed mode), from the services' records.</param>
    public sealed record RateResult(int OfferedPerSecond, double AcceptedPerSecond, Latency Accept, int Errors, double? DrainSeconds, Latency? FiledToInbox);

    /// <summary>Offers reports at each rate in turn; with <paramref name="drained"/>, waits for the pipeline after each and says how long it took.</summary>
    public static async Task<List<RateResult>> FixedRatesAsync(HttpClient client, BenchmarkOptions options, string mode, Func<List<string>, Task<bool>>? drained,
        Func<List<string>, Task<List<double>>>? toInbox = null)
    {
        var duration = TimeSpan.FromSeconds(options.Seconds);
        var rates = new List<RateResult>();
        foreach (var rate in options.Rates)
        {
            var offered = await LoadGenerator.FixedRateAsync(client, "/api/complaints", rate, duration);
            var settle = Stopwatch.StartNew();
            while (drained is not null && !await drained(offered.Accepted) && settle.Elapsed < TimeSpan.FromMinutes(3)) await Task.Delay(250);
            var result = new RateResult(rate, Math.Round(offered.Accepted.Count / duration.TotalSeconds, 1), Latency.Of(offered.Latencies),
                offered.Errors, drained is null ? null : Math.Round(settle.Elapsed.TotalSeconds, 1),
                toInbox is null ? null : Latency.Of(await toInbox(offered.Accepted)));
            rates.Add(result);
            Console.WriteLine($"{mode} offered {rate}/s for {options.Seconds} s: {result.AcceptedPerSecond}/s accepted, accept {result.Accept}, {result.Errors} failed" +
                (result.DrainSeconds is { } s ? $"; the last in the inbox {s} s after the load" : "") +
                (result.FiledToInbox is { } e ? $"; filed → inbox {e}." : "."));
        }
        return rates;
    }

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
            await LoadGenerator.SaturateAsync(client, "/api/complaints", options.Connections, TimeSpan.FromSeconds(options.WarmUpSeconds));
            // Let the warm-up drain before reading idle memory and starting the CPU meter.
            var names = await QueueNamesAsync(lapor);
            for (var settle = Stopwatch.StartNew(); await UnsentAsync(lapor) + await lapor.ReadyAsync(names) > 0 && settle.Elapsed < TimeSpan.FromMinutes(3);)
                await Task.Delay(500);
            await Task.Delay(TimeSpan.FromSeconds(2));
            var idle = lapor.Processes.ToDictionary(p => p.Name, p => p.Memory().Resident);

            var cpu = new CpuMeter(lapor.Processes.ToDictionary(p => p.Name, p => (Func<int?>)(() => p.ProcessId)));
            cpu.Add("load generator", () => Environment.ProcessId);
            var rounds = new List<Saturation>();
            for (var round = 1; round <= options.Rounds; round++)
            {
                var measured = await SaturateAndDrainAsync(lapor, client, cpu, names, options.Connections, duration);
                rounds.Add(measured);
                if (options.Rounds > 1)
                    Console.WriteLine($"  round {round}: {measured.Load.PerSecond} reports/s accepted, {measured.EndToEnd} reports/s end to end, " +
                                      $"machine {measured.CpuPerReport["machine"]} ms of CPU per report.");
            }
            // The median round by CPU per report stands for the run (the middle one of an odd number of rounds).
            var (saturated, inboxFilled, drainElapsed, cpuPerReport, endToEnd) = rounds.OrderBy(r => r.CpuPerReport["machine"]).ElementAt((rounds.Count - 1) / 2);

            var rates = await FixedRatesAsync(client, options, "Distributed", async accepted => await InInboxAsync(lapor, accepted) >= accepted.Count,
                accepted => FiledToInboxAsync(lapor, accepted));
            var toInbox = await IntakeBenchmark.FiledToInbox(client, officer, samples: 30);
            var memory = lapor.Processes.ToDictionary(p => p.Name, p => new ServiceMemory(idle[p.Name], p.Memory().Peak));
            var result = new Result(options.Connections, options.Seconds, saturated.PerSecond, Latency.Of(saturated.Latencies), saturated.Errors,
                endToEnd, Math.Round((inboxFilled ?? drainElapsed).TotalSeconds, 1), Math.Round(drainElapsed.TotalSeconds, 1), rates, Latency.Of(toInbox),
                baseline.Load.PerSecond, Latency.Of(baseline.Load.Latencies), Math.Round(endToEnd / baseline.Load.PerSecond, 3), memory,
                cpuPerReport, baseline.CpuMsPerRequest,
                rounds.Select(r => new Round(r.Load.PerSecond, r.EndToEnd, r.CpuPerReport["machine"])).ToList());
            Console.WriteLine($"Distributed ({options.Connections} connections, {options.Seconds} s): {result.AcceptedPerSecond} reports/s accepted, " +
                $"accept {result.AcceptAtSaturation}, {result.Errors} errors; all in the inbox {result.InboxSeconds} s and everything processed " +
                $"(analytics, timelines) {result.DrainSeconds} s after the load → {result.EndToEndPerSecond} reports/s end to end.");
            Console.WriteLine($"Distributed, one report at a time on the idle pipeline: filed → inbox {result.FiledToInbox}.");
            Console.WriteLine($"Baseline (one PostgreSQL insert + one confirmed RabbitMQ publish): {result.BaselinePerSecond} requests/s, " +
                $"{result.BaselineLatency}; Lapor end to end / baseline = {result.RatioToBaseline:0.000}.");
            Console.WriteLine("CPU per report, saturation load to drained (ms): " + Cpu(cpuPerReport) +
                $" — on 2 cores at most {2000 / Math.Max(0.01, cpuPerReport["machine"]):0} reports/s." +
                (rounds.Count > 1 ? $" The median of {rounds.Count} rounds (machine {string.Join(" / ", rounds.Select(r => r.CpuPerReport["machine"]))} ms)." : ""));
            Console.WriteLine("CPU per baseline request (ms): " + Cpu(baseline.CpuMsPerRequest) +
                $" — Lapor's report costs {cpuPerReport["machine"] / Math.Max(0.001, baseline.CpuMsPerRequest["machine"]):0}× the baseline's request.");
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

    /// <summary>
    /// One saturation load and its drain: every accepted report in the agency inbox, and nothing left anywhere — no
    /// unsent outbox row and no undelivered message in any queue, twice in a row (analytics and intake's timelines
    /// finish last); with the CPU each part spent per report from the start of the load to the end of the drain.
    /// </summary>
    private static async Task<Saturation> SaturateAndDrainAsync(DistributedLapor lapor, HttpClient client, CpuMeter cpu, List<string> names, int connections, TimeSpan duration)
    {
        var cpuBefore = cpu.Read();
        var saturated = await LoadGenerator.SaturateAsync(client, "/api/complaints", connections, duration);
        var drain = Stopwatch.StartNew();
        var shown = TimeSpan.Zero;
        TimeSpan? inboxFilled = null;
        for (var empty = 0; empty < 2 && drain.Elapsed < TimeSpan.FromMinutes(5); await Task.Delay(500))
        {
            if (drain.Elapsed - shown >= TimeSpan.FromSeconds(10))
            {
                shown = drain.Elapsed;
                Console.WriteLine($"  drain {drain.Elapsed.TotalSeconds:0} s: {await InInboxAsync(lapor, saturated.Accepted)} of " +
                                  $"{saturated.Accepted.Count} in the inbox; {await BacklogAsync(lapor)}");
            }
            if (inboxFilled is null && await InInboxAsync(lapor, saturated.Accepted) >= saturated.Accepted.Count) inboxFilled = drain.Elapsed;
            empty = inboxFilled is not null && await UnsentAsync(lapor) + await lapor.ReadyAsync(names) == 0 ? empty + 1 : 0;
        }
        var cpuPerReport = CpuMeter.PerReport(cpuBefore, cpu.Read(), saturated.Accepted.Count);
        var endToEnd = Math.Round(saturated.Accepted.Count / (saturated.Elapsed + drain.Elapsed).TotalSeconds, 1);
        return new Saturation(saturated, inboxFilled, drain.Elapsed, cpuPerReport, endToEnd);
    }

    private sealed record Saturation(LoadResult Load, TimeSpan? InboxFilled, TimeSpan Drain, Dictionary<string, double> CpuPerReport, double EndToEnd);

    /// <summary>Where the unfinished work waits: each service's unsent outbox rows and each queue's ready and unacknowledged messages.</summary>
    private static async Task<string> BacklogAsync(DistributedLapor lapor)
    {
        var outboxes = (await UnsentByServiceAsync(lapor)).Select(o => $"{o.Key} {o.Value}");
        var queues = (await QueuesAsync(lapor)).Where(q => q.Ready + q.Unacknowledged > 0).Select(q => $"{q.Name} {q.Ready}+{q.Unacknowledged}");
        return $"unsent outbox rows: {string.Join(", ", outboxes)}; queues (ready+unacked): {string.Join(", ", queues)}";
    }

    private static async Task<Dictionary<string, long>> UnsentByServiceAsync(DistributedLapor lapor)
    {
        var unsent = new Dictionary<string, long>();
        foreach (var service in (string[])["intake", "triage", "desk"])
            unsent[service] = await lapor.Databases.ScalarAsync<long>(service, "SELECT count(*) FROM outbox_messages WHERE \"SentAt\" IS NULL");
        return unsent;
    }

    private static async Task<long> UnsentAsync(DistributedLapor lapor) => (await UnsentByServiceAsync(lapor)).Values.Sum();

    private sealed record QueueDepth(string Name, long Ready, long Unacknowledged);

    /// <summary>The vhost's queues as rabbitmqctl lists them (its header line left out).</summary>
    private static async Task<List<QueueDepth>> QueuesAsync(DistributedLapor lapor) =>
        (await lapor.QueuesAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split('\t'))
            .Where(q => q.Length >= 3 && long.TryParse(q[1], out _) && long.TryParse(q[2], out _))
            .Select(q => new QueueDepth(q[0], long.Parse(q[1]), long.Parse(q[2]))).ToList();

    private static async Task<List<string>> QueueNamesAsync(DistributedLapor lapor) => (await QueuesAsync(lapor)).Select(q => q.Name).ToList();

    /// <summary>
    /// Each report's time from filing to the agency inbox, from the services' own records: intake's filing time, and
    /// the time the desk's inbox took triage's ComplaintRouted event for it (matched through the event's message id).
    /// Nothing polls, so nothing adds load or rounds the figures to a polling interval.
    /// </summary>
    private static async Task<List<double>> FiledToInboxAsync(DistributedLapor lapor, List<string> trackingIds)
    {
        var ids = trackingIds.ToArray();
        var filed = (await lapor.Databases.PairsAsync<string, DateTime>("intake",
            "SELECT \"TrackingId\", \"FiledAt\" FROM complaints WHERE \"TrackingId\" = ANY(@t)", ("t", ids))).ToDictionary(r => r.First, r => r.Second);
        var routed = await lapor.Databases.PairsAsync<Guid, string>("triage",
            "SELECT \"MessageId\", \"Body\"::json->>'trackingId' FROM outbox_messages WHERE \"MessageType\" = 'Lapor.Contracts.ComplaintRouted' " +
            "AND \"Body\"::json->>'trackingId' = ANY(@t)", ("t", ids));
        var received = (await lapor.Databases.PairsAsync<Guid, DateTime>("desk",
            "SELECT \"MessageId\", \"ProcessedAt\" FROM inbox_messages WHERE \"Consumer\" = 'ComplaintRoutedConsumer' AND \"MessageId\" = ANY(@m)",
            ("m", routed.Select(r => r.First).ToArray()))).ToDictionary(r => r.First, r => r.Second);
        return routed.Where(r => received.ContainsKey(r.First) && filed.ContainsKey(r.Second))
            .GroupBy(r => r.Second, r => received[r.First])
            .Select(g => (g.Min() - filed[g.Key]).TotalMilliseconds)
            .ToList();
    }

    private static Task<long> InInboxAsync(DistributedLapor lapor, List<string> trackingIds) =>
        lapor.Databases.ScalarAsync<long>("desk", "SELECT count(*) FROM complaints WHERE \"TrackingId\" = ANY(@t)", ("t", trackingIds.ToArray()));

    private static string Cpu(IReadOnlyDictionary<string, double> perReport) =>
        string.Join(", ", perReport.Select(p => $"{p.Key} {p.Value:0.00}"));

    private static async Task<(LoadResult Load, Dictionary<string, double> CpuMsPerRequest)> BaselineAsync(BenchmarkOptions options, TimeSpan duration)
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
            await LoadGenerator.SaturateAsync(client, "/baseline", options.Connections, TimeSpan.FromSeconds(options.WarmUpSeconds)); // warm-up, as Lapor's
            var cpu = new CpuMeter(new Dictionary<string, Func<int?>> { ["baseline and load generator"] = () => Environment.ProcessId });
            var before = cpu.Read();
            var load = await LoadGenerator.SaturateAsync(client, "/baseline", options.Connections, duration);
            return (load, CpuMeter.PerReport(before, cpu.Read(), load.Latencies.Count));
        }
        finally
        {
            await vhost.DisposeAsync();
            NpgsqlConnection.ClearAllPools();
            await DropDatabaseAsync(admin, name);
        }
    }

    /// <summary>
    /// Drops the baseline's database; FORCE cannot end a backend of another role (an autovacuum worker that happened
    /// to start on it), so a refused drop is tried again, and at worst reported rather than failing the run.
    /// </summary>
    private static async Task DropDatabaseAsync(string admin, string name)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = new NpgsqlConnection(admin);
                await connection.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
                await drop.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.ObjectInUse)
            {
                if (attempt == 5)
                {
                    Console.Error.WriteLine($"Could not drop the baseline database {name}: {ex.MessageText}");
                    return;
                }
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }
    }
}
