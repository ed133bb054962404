using Lapor.ServiceDefaults.Messaging;

namespace Lapor.Intake.Tests;

/// <summary>The outbox's publishing health, which the bus watchdog reads to notice a send transport stopped for good.</summary>
public sealed class PublishHealthTests
{
    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 11, 23, 6, 0, 0, TimeSpan.Zero);
        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public void Failing_publishes_count_from_the_first_failure_until_one_succeeds()
    {
        var clock = new Clock();
        var health = new PublishHealth(clock);
        Assert.Null(health.FailingSince);

        var first = clock.Now;
        health.Failed();
        clock.Now += TimeSpan.FromSeconds(20);
        health.Failed();
        Assert.Equal(first, health.FailingSince);

        health.Succeeded();
        Assert.Null(health.FailingSince);
    }
}
