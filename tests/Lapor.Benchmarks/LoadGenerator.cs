using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Lapor.Benchmarks;

/// <summary>What a load run measured: accepted requests, their latencies, refusals, and the tracking ids accepted.</summary>
public sealed record LoadResult(List<double> Latencies, int Errors, TimeSpan Elapsed, List<string> Accepted)
{
    public double PerSecond => Math.Round(Latencies.Count / Elapsed.TotalSeconds, 1);
}

/// <summary>Posts reports (or any JSON) on loopback: at saturation with N connections, or at a fixed rate.</summary>
public static class LoadGenerator
{
    public static object Report(int i) => new
    {
        type = "aduan",
        title = $"Jalan berlubang di depan pasar nomor {i % 1000}",
        text = "Jalan di depan pasar rusak berlubang besar dan membahayakan pengendara motor, mohon segera diperbaiki.",
        region = "35.78",
    };

    /// <summary>Each connection posts one request after another for the duration.</summary>
    public static Task<LoadResult> SaturateAsync(HttpClient client, string path, int connections, TimeSpan duration) =>
        SaturateAsync(connections, duration, (i, result) => PostAsync(client, path, i, result));

    /// <summary>Each connection GETs the path one request after another; any answer below 500 counts (a 404 is a cheap answer).</summary>
    public static Task<LoadResult> SaturateGetAsync(HttpClient client, string path, int connections, TimeSpan duration) =>
        SaturateAsync(connections, duration, (_, result) => GetAsync(client, path, result));

    private static async Task<LoadResult> SaturateAsync(int connections, TimeSpan duration, Func<int, LoadResult, Task<bool>> send)
    {
        var result = new LoadResult([], 0, TimeSpan.Zero, []);
        var errors = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async worker =>
        {
            for (var i = worker; clock.Elapsed < duration; i += connections)
                if (!await send(i, result)) Interlocked.Increment(ref errors);
        }));
        return result with { Errors = errors, Elapsed = clock.Elapsed };
    }

    private static async Task<bool> GetAsync(HttpClient client, string path, LoadResult result)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await client.GetAsync(path);
            await response.Content.ReadAsByteArrayAsync();
            if ((int)response.StatusCode >= 500) return false;
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            lock (result) result.Latencies.Add(elapsed);
            return true;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    /// <summary>Starts one request every 1/rate seconds whatever the answers take (open model: latency is not hidden by waiting).</summary>
    public static async Task<LoadResult> FixedRateAsync(HttpClient client, string path, int perSecond, TimeSpan duration)
    {
        var result = new LoadResult([], 0, TimeSpan.Zero, []);
        var errors = 0;
        var clock = Stopwatch.StartNew();
        var sent = new List<Task>();
        for (var i = 0; clock.Elapsed < duration; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / perSecond);
            if (due > clock.Elapsed) await Task.Delay(due - clock.Elapsed);
            var n = i;
            sent.Add(Task.Run(async () => { if (!await PostAsync(client, path, n, result)) Interlocked.Increment(ref errors); }));
        }
        await Task.WhenAll(sent);
        return result with { Errors = errors, Elapsed = duration };
    }

    private static async Task<bool> PostAsync(HttpClient client, string path, int i, LoadResult result)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await client.PostAsJsonAsync(path, Report(i));
            if (response.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.OK)) return false;
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            lock (result)
            {
                result.Latencies.Add(elapsed);
                if (body.ValueKind == JsonValueKind.Object && body.TryGetProperty("trackingId", out var id)) result.Accepted.Add(id.GetString()!);
            }
            return true;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }
}
