using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Lapor.EndToEnd.Tests.Reliability;

/// <summary>
/// A steady stream of citizens' reports through the gateway at a fixed rate, keeping the tracking id of every
/// report that was accepted (201). Refusals while a part is down are counted, not retried: only what the
/// citizen was told is accepted must arrive. With <paramref name="withEmail"/> each reporter leaves an address of their
/// own, so the mail each report caused can be counted.
/// </summary>
public sealed class ReportStream(Uri gateway, int perSecond, bool withEmail = false)
{
    private readonly HttpClient _client = new() { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(15) };

    public List<string> Accepted { get; } = [];

    /// <summary>Each accepted report's reporter address (with <c>withEmail</c>).</summary>
    public ConcurrentDictionary<string, string> EmailOf { get; } = new();
    public int Refused;

    public async Task RunAsync(TimeSpan duration, string scenario, string? marker = null, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var sent = new List<Task>();
        var interval = TimeSpan.FromSeconds(1.0 / perSecond);
        for (var i = 0; clock.Elapsed < duration && !cancellationToken.IsCancellationRequested; i++)
        {
            var due = interval * i;
            if (due > clock.Elapsed) await Task.Delay(due - clock.Elapsed, cancellationToken);
            sent.Add(FileAsync($"{scenario} {i}" + (i == 3 && marker is not null ? " " + marker : "")));
        }
        await Task.WhenAll(sent);
    }

    private async Task FileAsync(string label)
    {
        try
        {
            var email = withEmail ? $"pelapor-{Guid.NewGuid():N}@contoh.test" : null;
            using var response = await _client.PostAsJsonAsync("/api/complaints", new
            {
                contact = email is null ? null : new { email },
                type = "aduan",
                title = $"Jalan berlubang di depan Pasar Wonokromo ({label})",
                text = "Jalan di depan Pasar Wonokromo rusak berlubang besar sejak sebulan, sudah dua pengendara motor jatuh. Mohon segera diperbaiki.",
                region = "35.78",
            });
            if (response.StatusCode != HttpStatusCode.Created)
            {
                Interlocked.Increment(ref Refused);
                return;
            }
            var receipt = await response.Content.ReadFromJsonAsync<JsonElement>();
            var trackingId = receipt.GetProperty("trackingId").GetString()!;
            if (email is not null) EmailOf[trackingId] = email;
            lock (Accepted) Accepted.Add(trackingId);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            Interlocked.Increment(ref Refused);
        }
    }
}
