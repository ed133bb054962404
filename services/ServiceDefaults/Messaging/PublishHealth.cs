namespace Lapor.ServiceDefaults.Messaging;

/// <summary>
/// Whether this process's outbox can publish: since when its publishes have been failing, or null while they
/// succeed. A bus can call itself healthy (its consumers receive) while a send transport it cached stopped for good
/// in a broker restart ("The send transport is stopped"); then the outbox can never publish, and only a restart of
/// the bus, or of the process, brings it back. The <see cref="BusWatchdog"/> reads this.
/// </summary>
public sealed class PublishHealth(TimeProvider clock)
{
    private long _failingSinceTicks;

    public DateTimeOffset? FailingSince =>
        Interlocked.Read(ref _failingSinceTicks) is var ticks and not 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    /// <summary>A publish failed: the first failure in a row starts the clock.</summary>
    public void Failed() => Interlocked.CompareExchange(ref _failingSinceTicks, clock.GetUtcNow().UtcTicks, 0);

    /// <summary>A publish went through: the outbox is healthy again.</summary>
    public void Succeeded() => Interlocked.Exchange(ref _failingSinceTicks, 0);
}
