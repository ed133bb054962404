using System.Collections.Concurrent;
using Lapor.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.ServiceDefaults.Tests;

/// <summary>The consumers' group commit (an instance of the test's own), on a database of its own.</summary>
public sealed class GroupCommitTests : IAsyncLifetime
{
    private readonly LedgerDatabase _ledger = new();
    private GroupCommit<LedgerDbContext> Group { get; set; } = null!;

    public async Task InitializeAsync()
    {
        await _ledger.InitializeAsync();
        Group = ActivatorUtilities.CreateInstance<GroupCommit<LedgerDbContext>>(_ledger.Services);
        await Group.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await Group.StopAsync(CancellationToken.None);
        Group.Dispose();
        await _ledger.DisposeAsync();
    }

    private static GroupedMessage<LedgerDbContext> Message(Guid id, Func<LedgerDbContext, Task> handle) =>
        new(id, "TestConsumer", new object(), (db, _) => handle(db));

    /// <summary>Writes a message whose handling waits for the returned gate, and waits until the writer is inside it.</summary>
    private async Task<(Task Written, TaskCompletionSource Gate, Guid Id)> HoldTheWriterAsync()
    {
        var inside = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var id = Guid.NewGuid();
        var written = Group.WriteAsync(Message(id, async _ => { inside.SetResult(); await gate.Task; }), CancellationToken.None);
        await inside.Task.WaitAsync(TimeSpan.FromSeconds(20));
        return (written, gate, id);
    }

    private async Task<HashSet<Guid>> InboxAsync()
    {
        return (await _ledger.InDatabase(db => db.InboxMessages.Where(m => m.Consumer == "TestConsumer").Select(m => m.MessageId).ToListAsync())).ToHashSet();
    }

    [Fact]
    public async Task Messages_that_arrive_while_a_transaction_is_written_share_the_next_one()
    {
        var (first, gate, firstId) = await HoldTheWriterAsync();
        var contexts = new ConcurrentBag<LedgerDbContext>();
        var ids = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid()).ToList();
        var waiting = ids.Select(id => Group.WriteAsync(Message(id, db => { contexts.Add(db); return Task.CompletedTask; }), CancellationToken.None)).ToList();

        gate.SetResult();
        await Task.WhenAll(waiting.Append(first)).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(5, contexts.Count);
        Assert.Single(contexts.Distinct());
        Assert.Equal(ids.Append(firstId).ToHashSet(), await InboxAsync());
    }

    [Fact]
    public async Task A_message_that_fails_fails_alone_and_the_rest_of_its_group_is_written()
    {
        var (first, gate, firstId) = await HoldTheWriterAsync();
        var (good, bad, alsoGood) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var goodWritten = Group.WriteAsync(Message(good, _ => Task.CompletedTask), CancellationToken.None);
        var badWritten = Group.WriteAsync(Message(bad, _ => throw new InvalidOperationException("bad message")), CancellationToken.None);
        var alsoGoodWritten = Group.WriteAsync(Message(alsoGood, _ => Task.CompletedTask), CancellationToken.None);

        gate.SetResult();
        await Task.WhenAll(first, goodWritten, alsoGoodWritten).WaitAsync(TimeSpan.FromSeconds(20));
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => badWritten);

        Assert.Equal("bad message", error.Message);
        var inbox = await InboxAsync();
        Assert.Contains(good, inbox);
        Assert.Contains(alsoGood, inbox);
        Assert.Contains(firstId, inbox);
        Assert.DoesNotContain(bad, inbox);
    }

    [Fact]
    public async Task A_message_the_inbox_has_seen_is_not_handled_again_alone_or_twice_in_one_group()
    {
        var id = Guid.NewGuid();
        var handled = 0;
        var message = Message(id, _ => { Interlocked.Increment(ref handled); return Task.CompletedTask; });
        await Group.WriteAsync(message, CancellationToken.None);
        await Group.WriteAsync(message, CancellationToken.None);
        Assert.Equal(1, handled);

        var (first, gate, _) = await HoldTheWriterAsync();
        var twin = Guid.NewGuid();
        var twice = Message(twin, _ => { Interlocked.Increment(ref handled); return Task.CompletedTask; });
        var copies = new[] { Group.WriteAsync(twice, CancellationToken.None), Group.WriteAsync(twice, CancellationToken.None) };
        gate.SetResult();
        await Task.WhenAll(copies.Append(first)).WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(2, handled);
    }

    [Fact]
    public async Task After_the_writer_stops_a_message_is_refused_so_the_broker_keeps_it()
    {
        await Group.WriteAsync(Message(Guid.NewGuid(), _ => Task.CompletedTask), CancellationToken.None);
        await Group.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));

        var handled = false;
        var refused = Group.WriteAsync(Message(Guid.NewGuid(), _ => { handled = true; return Task.CompletedTask; }), CancellationToken.None);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => refused.WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.False(handled);
    }

    [Fact]
    public async Task Stopping_finishes_the_group_being_written_and_refuses_the_messages_still_waiting()
    {
        var (first, gate, firstId) = await HoldTheWriterAsync();
        var waitingId = Guid.NewGuid();
        var waiting = Group.WriteAsync(Message(waitingId, _ => Task.CompletedTask), CancellationToken.None);

        var stopped = Group.StopAsync(CancellationToken.None);
        gate.SetResult();
        await stopped.WaitAsync(TimeSpan.FromSeconds(20));

        await first.WaitAsync(TimeSpan.FromSeconds(20));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(20)));
        var inbox = await InboxAsync();
        Assert.Contains(firstId, inbox);
        Assert.DoesNotContain(waitingId, inbox);
    }
}
