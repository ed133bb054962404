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
/// own, so the mail each report caused can be counted. With <paramref name="resendWithKey"/> every report carries an
/// <c>Idempotency-Key</c> and a citizen who got no receipt sends it again with the same key (as the portal's form does)
/// every half second for up to <see cref="ResendFor"/>.
/// </summary>
public sealed class ReportStream(Uri gateway, int perSecond, bool withEmail = false, bool resendWithKey = false)
{
    public static readonly TimeSpan ResendFor = TimeSpan.FromSeconds(30);

    private readonly HttpClient _client = new() { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(15) };

    public List<string> Accepted { get; } = [];

    /// <summary>Each accepted report's reporter address (with <c>withEmail</c>).</summary>
    public ConcurrentDictionary<string, string> EmailOf { get; } = new();
    public int Refused;

    /// <summary>Reports that were accepted only after being sent again (with <c>resendWithKey</c>).</summary>
    public int AcceptedOnResend;

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
        var email = withEmail ? $"pelapor-{Guid.NewGuid():N}@contoh.test" : null;
        var key = resendWithKey ? Guid.NewGuid().ToString("N") : null;
        var clock = Stopwatch.StartNew();
        for (var attempt = 1; ; attempt++)
        {
            if (await SendAsync(label, email, key) is { } trackingId)
            {
                if (email is not null) EmailOf[trackingId] = email;
                lock (Accepted) Accepted.Add(trackingId);
                if (attempt > 1) Interlocked.Increment(ref AcceptedOnResend);
                return;
            }
            if (key is null || clock.Elapsed > ResendFor)
            {
                Interlocked.Increment(ref Refused);
                return;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }
    }

    /// <summary>The receipt's tracking id, or null when none came.</summary>
    private async Task<string?> SendAsync(string label, string? email, string? key)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/complaints")
            {
                Content = JsonContent.Create(new
                {
                    contact = email is null ? null : new { email },
                    type = "aduan",
                    title = $"Jalan berlubang di depan Pasar Wonokromo ({label})",
                    text = "Jalan di depan Pasar Wonokromo rusak berlubang besar sejak sebulan, sudah dua pengendara motor jatuh. Mohon segera diperbaiki.",
                    region = "35.78",
                }),
            };
            if (key is not null) request.Headers.Add("Idempotency-Key", key);
            using var response = await _client.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.Created) return null;
            var receipt = await response.Content.ReadFromJsonAsync<JsonElement>();
            return receipt.GetProperty("trackingId").GetString()!;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }
}
