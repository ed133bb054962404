namespace Lapor.Intake.Api;

/// <summary>
/// Counts what happened per key (a tracking id, a network) in a window that starts at the key's first count and lasts
/// <c>window</c>. In memory only: nothing about a visitor is stored, a restart starts the counts afresh, and several
/// replicas each count their own.
/// </summary>
public sealed class FixedWindowCounter(TimeSpan window, TimeProvider clock)
{
    private const int MaxKeys = 100_000;
    private readonly Dictionary<string, (DateTimeOffset Since, int Count)> _counts = [];
    private DateTimeOffset _swept = DateTimeOffset.MinValue;

    /// <summary>How long until the key may act again, when it has reached <paramref name="limit"/>; null while it may.</summary>
    /// <summary>The key of a tracking id as a client typed it (bounded, any case): existing or not, it counts the same.</summary>
    public static string ReportKey(string trackingId) => "id:" + trackingId[..Math.Min(trackingId.Length, 32)].ToUpperInvariant();

    /// <summary>The key of the network a request came from (the proxy-forwarded address).</summary>
    public static string AddressKey(System.Net.IPAddress? address) => "ip:" + (address?.ToString() ?? "unknown");

    public TimeSpan? Blocked(string key, int limit)
    {
        lock (_counts) return Wait(key, limit, clock.GetUtcNow());
    }

    public void Add(string key)
    {
        lock (_counts) Count(key, clock.GetUtcNow());
    }

    /// <summary>Counts one more for the key unless it has reached <paramref name="limit"/>; then says how long to wait.</summary>
    public TimeSpan? TryAdd(string key, int limit)
    {
        lock (_counts)
        {
            var now = clock.GetUtcNow();
            if (Wait(key, limit, now) is { } wait) return wait;
            Count(key, now);
            return null;
        }
    }

    private TimeSpan? Wait(string key, int limit, DateTimeOffset now) =>
        _counts.TryGetValue(key, out var entry) && now - entry.Since < window && entry.Count >= limit ? entry.Since + window - now : null;

    private void Count(string key, DateTimeOffset now)
    {
        // Full: drop the keys whose window has ended, at most once a minute (a full table of live keys is not rescanned per call).
        if (_counts.Count >= MaxKeys && now - _swept >= TimeSpan.FromMinutes(1))
        {
            _swept = now;
            foreach (var stale in _counts.Where(e => now - e.Value.Since >= window).Select(e => e.Key).ToList()) _counts.Remove(stale);
        }
        _counts[key] = _counts.TryGetValue(key, out var entry) && now - entry.Since < window ? (entry.Since, entry.Count + 1) : (now, 1);
    }
}
