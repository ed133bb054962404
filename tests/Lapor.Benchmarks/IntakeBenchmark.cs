using Lapor.EndToEnd.Tests.Infrastructure;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Lapor.Benchmarks;

/// <summary>
/// Reports accepted per second and accept latency at saturation, against the embedded host started as its
/// own process on loopback (SQLite files in a fresh folder, in-memory bus), then how long a report takes to
/// reach the agency's inbox once the load has stopped.
/// </summary>
public static class IntakeBenchmark
{
    public sealed record Result(string Mode, int Connections, int Seconds, double ReportsPerSecond, Latency Accept, int Errors,
        double EndToEndPerSecond, double DrainSeconds, Latency FiledToInbox, long PeakWorkingSetMb, IReadOnlyList<DistributedBenchmark.RateResult> FixedRates);

    public static async Task<Result> RunAsync(BenchmarkOptions options)
    {
        var data = Directory.CreateTempSubdirectory("lapor-bench-");
        var port = TestEnvironment.FreePort();
        using var host = StartEmbedded(port, data.FullName);
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        try
        {
            await WaitReady(client);
            var officer = await TestTokens.MintAsync(client, "officer", "35.78.dpupr");

            // Warm up (and let the warm-up's reports through), then measure at saturation with a fixed number of connections.
            async Task<TimeSpan> DrainAsync(List<string> accepted)
            {
                var drain = Stopwatch.StartNew();
                while (!await ProcessedAsync(data.FullName, accepted) && drain.Elapsed < TimeSpan.FromMinutes(5)) await Task.Delay(250);
                return drain.Elapsed;
            }
            await DrainAsync((await LoadGenerator.SaturateAsync(client, "/api/complaints", options.Connections, TimeSpan.FromSeconds(options.WarmUpSeconds))).Accepted);
            var peak = 0L;
            using var sampler = new Timer(_ => peak = Math.Max(peak, Refresh(host)), null, 0, 250);
            var load = await LoadGenerator.SaturateAsync(client, "/api/complaints", options.Connections, TimeSpan.FromSeconds(options.Seconds));
            var (latencies, errors, elapsed) = (load.Latencies, load.Errors, load.Elapsed);
            var drained = await DrainAsync(load.Accepted);
            var endToEnd = Math.Round(load.Accepted.Count / (elapsed + drained).TotalSeconds, 1);

            var toInbox = await FiledToInbox(client, officer, samples: 20);
            var rates = await DistributedBenchmark.FixedRatesAsync(client, options, "Embedded", drained: null);
            var result = new Result("embedded", options.Connections, options.Seconds, Math.Round(latencies.Count / elapsed.TotalSeconds, 1),
                Latency.Of(latencies), errors, endToEnd, Math.Round(drained.TotalSeconds, 1), Latency.Of(toInbox), peak / (1024 * 1024), rates);
            Console.WriteLine($"Intake (embedded, {options.Connections} connections, {options.Seconds} s): {result.ReportsPerSecond} reports/s accepted, " +
                $"accept {result.Accept}, {errors} errors; all in the inbox and in analytics {result.DrainSeconds} s after the load → " +
                $"{result.EndToEndPerSecond} reports/s end to end; filed → inbox {result.FiledToInbox}; peak working set {result.PeakWorkingSetMb} MB.");
            return result;
        }
        finally
        {
            host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync();
            try { data.Delete(recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>Every accepted report is in the agency's inbox and counted as routed by analytics (read from their SQLite files).</summary>
    private static async Task<bool> ProcessedAsync(string dataDirectory, List<string> trackingIds)
    {
        var ids = JsonSerializer.Serialize(trackingIds);
        async Task<long> CountAsync(string service, string sql)
        {
            await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(dataDirectory, service + ".db")};Mode=ReadOnly;Pooling=False");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Parameters.AddWithValue("$ids", ids);
            return (long)(await command.ExecuteScalarAsync())!;
        }
        const string Accepted = "\"TrackingId\" IN (SELECT value FROM json_each($ids))";
        return await CountAsync("desk", $"SELECT count(*) FROM complaints WHERE {Accepted}") >= trackingIds.Count
               && await CountAsync("analytics", $"SELECT count(*) FROM complaint_facts WHERE {Accepted} AND \"RoutedAt\" IS NOT NULL") >= trackingIds.Count;
    }

    private static long Refresh(Process process)
    {
        process.Refresh();
        return process.HasExited ? 0 : process.WorkingSet64;
    }

    public static async Task<List<double>> FiledToInbox(HttpClient client, string officerToken, int samples)
    {
        var times = new List<double>();
        for (var i = 0; i < samples; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var receipt = await (await client.PostAsJsonAsync("/api/complaints", LoadGenerator.Report(i))).Content.ReadFromJsonAsync<JsonElement>();
            var trackingId = receipt.GetProperty("trackingId").GetString();
            while (true)
            {
                using var message = new HttpRequestMessage(HttpMethod.Get, $"/api/desk/complaints/{trackingId}");
                message.Headers.Authorization = new("Bearer", officerToken);
                using var response = await client.SendAsync(message);
                if (response.StatusCode == HttpStatusCode.OK) break;
                if (Stopwatch.GetElapsedTime(started) > TimeSpan.FromMinutes(2)) throw new TimeoutException("A report did not reach the inbox in 2 minutes.");
                await Task.Delay(5);
            }
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        return times;
    }

    private static Process StartEmbedded(int port, string dataDirectory)
    {
        var dll = TestEnvironment.AssemblyPath("deploy/Embedded", "Lapor.Embedded");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(dll)!, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Lapor__DataDirectory"] = dataDirectory;
        start.Environment["Lapor__RateLimits__FilingPerMinute"] = "100000000";
        start.Environment["Lapor__RateLimits__PerTokenPerMinute"] = "100000000";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitReady(HttpClient client)
    {
        for (var i = 0; i < 300; i++)
        {
            try { if ((await client.GetAsync("/health/ready")).IsSuccessStatusCode) return; }
            catch (HttpRequestException) { }
            await Task.Delay(100);
        }
        throw new TimeoutException("The embedded host did not become ready.");
    }
}
