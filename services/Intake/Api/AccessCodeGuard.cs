using System.Collections.Concurrent;
using System.Net;
using Lapor.ServiceDefaults.Problems;

namespace Lapor.Intake.Api;

/// <summary>
/// Limits wrong access-code guesses (<c>Lapor:RateLimits</c>): <c>WrongAccessCodesPerReport</c> (10) per tracking id and
/// <c>WrongAccessCodesPerAddress</c> (50) per client address, each per <see cref="Window"/>. Past either, the id or the
/// address is answered 429 until the window ends, whether the next code is right or not, and whether the tracking id
/// exists or not, so the limit is no oracle. Counts live in this process: several Intake replicas each allow as many.
/// </summary>
public sealed class AccessCodeGuard(IConfiguration configuration, TimeProvider clock)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    private const int MaxTracked = 100_000;

    private readonly int _perReport = configuration.GetValue("Lapor:RateLimits:WrongAccessCodesPerReport", 10);
    private readonly int _perAddress = configuration.GetValue("Lapor:RateLimits:WrongAccessCodesPerAddress", 50);
    private readonly ConcurrentDictionary<string, Count> _wrong = new();

    private sealed record Count(DateTimeOffset Since, int Wrong);

    /// <summary>Throws <see cref="TooManyAttemptsException"/> when the tracking id or the address has guessed wrong too often.</summary>
    public void ThrowIfBlocked(string trackingId, IPAddress? address)
    {
        var now = clock.GetUtcNow();
        foreach (var (key, limit) in Keys(trackingId, address))
            if (_wrong.TryGetValue(key, out var count) && now - count.Since < Window && count.Wrong >= limit)
                throw new TooManyAttemptsException("Too many wrong access codes. Try again later.", count.Since + Window - now);
    }

    public void Wrong(string trackingId, IPAddress? address)
    {
        var now = clock.GetUtcNow();
        if (_wrong.Count > MaxTracked)
            foreach (var stale in _wrong.Where(entry => now - entry.Value.Since >= Window)) _wrong.TryRemove(stale);
        foreach (var (key, _) in Keys(trackingId, address))
            _wrong.AddOrUpdate(key, _ => new Count(now, 1), (_, count) => now - count.Since >= Window ? new Count(now, 1) : count with { Wrong = count.Wrong + 1 });
    }

    private IEnumerable<(string Key, int Limit)> Keys(string trackingId, IPAddress? address) =>
        [("id:" + trackingId[..Math.Min(trackingId.Length, 32)].ToUpperInvariant(), _perReport), ("ip:" + (address?.ToString() ?? "unknown"), _perAddress)];
}
