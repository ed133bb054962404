using System.Collections.Concurrent;

namespace Lapor.ServiceDefaults.Messaging;

/// <summary>
/// Whether this process's outbox can publish: since when its oldest unconfirmed publish has waited on the broker, or
/// null while none waits. A bus can call itself healthy (its consumers receive) while a send transport it cached
/// stopped for good in a broker restart ("The send transport is stopped"), or while a publish hangs on a connection
/// that never opens; then the outbox can never publish, and only a restart of the bus, or of the process, brings it
/// back. The <see cref="BusWatchdog"/> reads this. Each row counts on its own from its first attempt until the broker
/// confirms it, so other reports' publishes going through do not hide one that is stuck.
/// </summary>
public sealed class PublishHealth(TimeProvider clock)
{
    private readonly ConcurrentDictionary<long, long> _waitingSinceTicks = new();
    private long _lastTicket;

    public DateTimeOffset? WaitingSince =>
        _waitingSinceTicks.Values is { Count: > 0 } ticks ? new DateTimeOffset(ticks.Min(), TimeSpan.Zero) : null;

    /// <summary>A publish begins; dispose what this returns once the broker confirmed it (or the publish was given up).</summary>
    public Waiting Begin()
    {
        var ticket = Interlocked.Increment(ref _lastTicket);
        _waitingSinceTicks[ticket] = clock.GetUtcNow().UtcTicks;
        return new Waiting(this, ticket);
    }

    public readonly struct Waiting(PublishHealth health, long ticket) : IDisposable
    {
        public void Dispose() => health._waitingSinceTicks.TryRemove(ticket, out _);
    }
}
