using System.Reflection;
using Lapor.Contracts;
using Lapor.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Lapor.ServiceDefaults.Tests;

/// <summary>
/// The outbox dispatcher against a broker connection that never opens: MassTransit's publish then waits without heeding
/// the token its timeout cancels (seen after a broker restart behind a proxy). The dispatcher must give up on that
/// attempt, publish the row again, and report the wait to the bus watchdog meanwhile.
/// </summary>
public sealed class OutboxDispatcherTests(LedgerDatabase ledger) : IClassFixture<LedgerDatabase>
{
    /// <summary>An <see cref="IBusControl"/> whose first publish never ends, whatever its token says; the next ones go through.</summary>
    public class StuckOnceBus : DispatchProxy
    {
        private int _publishes;
        public int Publishes => Volatile.Read(ref _publishes);
        public TaskCompletionSource FirstPublish { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override object? Invoke(MethodInfo? method, object?[]? args)
        {
            if (method?.Name != nameof(IBus.Publish)) throw new NotSupportedException(method?.Name);
            if (Interlocked.Increment(ref _publishes) > 1) return Task.CompletedTask;
            FirstPublish.TrySetResult();
            return new TaskCompletionSource().Task;
        }
    }

    [Fact]
    public async Task A_publish_that_ignores_its_timeout_is_given_up_and_the_row_published_again()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 4, 6, 0, 0, TimeSpan.Zero));
        var row = OutboxMessage.From(new ComplaintSupported(Guid.NewGuid(), "LPR-STUCK001", 1, clock.GetUtcNow()));
        await ledger.InDatabase(db =>
        {
            db.OutboxMessages.Add(row);
            return db.SaveChangesAsync();
        });
        var bus = DispatchProxy.Create<IBusControl, StuckOnceBus>();
        var recorder = (StuckOnceBus)(object)bus;
        var health = new PublishHealth(clock);
        var dispatcher = new OutboxDispatcher<LedgerDbContext>(ledger.Scopes, bus,
            new OutboxSignal<LedgerDbContext>(), clock, new FaultInjection(null, false), health, NullLogger<OutboxDispatcher<LedgerDbContext>>.Instance);

        var dispatching = dispatcher.DispatchBatchAsync(CancellationToken.None);
        await recorder.FirstPublish.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(clock.GetUtcNow(), health.WaitingSince);

        // Time passes for the dispatcher's timeout and back-off only when the test moves it.
        for (var second = 0; second < 120 && !dispatching.IsCompleted; second++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(20);
        }

        Assert.Equal(1, await dispatching.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(2, recorder.Publishes);
        Assert.Null(health.WaitingSince);
        var stored = await ledger.InDatabase(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.MessageId == row.MessageId));
        Assert.NotNull(stored.SentAt);
    }
}
