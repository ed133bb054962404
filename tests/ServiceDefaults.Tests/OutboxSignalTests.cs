using Lapor.ServiceDefaults.Messaging;

namespace Lapor.ServiceDefaults.Tests;

/// <summary>The wake-up the outbox dispatcher waits for after a commit wrote outbox rows.</summary>
public sealed class OutboxSignalTests
{
    /// <summary>Far longer than the test's own guard: a wait that ends within the guard was woken, not timed out.</summary>
    private static readonly TimeSpan Poll = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_commit_wakes_the_waiting_dispatcher()
    {
        var signal = new OutboxSignal<LedgerDbContext>();
        var waiting = signal.WaitAsync(Poll, CancellationToken.None);
        Assert.False(waiting.IsCompleted);

        signal.Notify();

        await waiting.WaitAsync(Guard);
    }

    [Fact]
    public async Task Every_commit_after_a_wake_up_was_taken_wakes_the_dispatcher_again()
    {
        var signal = new OutboxSignal<LedgerDbContext>();
        for (var round = 0; round < 3; round++)
        {
            // Several commits while the dispatcher is busy: one wake-up is enough for all of their rows.
            signal.Notify();
            signal.Notify();
            await signal.WaitAsync(Poll, CancellationToken.None).WaitAsync(Guard);
        }
    }
}
