using Lapor.ServiceDefaults.Messaging;
using Microsoft.Extensions.Time.Testing;

namespace Lapor.ServiceDefaults.Tests;

/// <summary>The outbox's publishing health, which the bus watchdog reads to notice a publish stuck on the broker.</summary>
public sealed class PublishHealthTests
{
    [Fact]
    public void The_oldest_unconfirmed_publish_counts_until_the_broker_confirms_it_whatever_the_others_do()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 6, 0, 0, TimeSpan.Zero));
        var health = new PublishHealth(clock);
        Assert.Null(health.WaitingSince);

        var first = clock.GetUtcNow();
        var stuck = health.Begin();
        clock.Advance(TimeSpan.FromSeconds(20));
        using (health.Begin())
            Assert.Equal(first, health.WaitingSince);
        // Another report's publish went through: the stuck one still counts from its start.
        Assert.Equal(first, health.WaitingSince);

        var second = clock.GetUtcNow();
        var later = health.Begin();
        stuck.Dispose();
        Assert.Equal(second, health.WaitingSince);
        later.Dispose();
        Assert.Null(health.WaitingSince);
    }
}
