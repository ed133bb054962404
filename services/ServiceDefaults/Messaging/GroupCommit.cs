using System.Diagnostics;
using System.Threading.Channels;
using Lapor.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Lapor.ServiceDefaults.Messaging;

/// <summary>A message waiting for <see cref="GroupCommit{TContext}"/>: its id, the consumer that took it, the message and what to do with it.</summary>
public sealed record GroupedMessage<TContext>(Guid MessageId, string Consumer, object Message, Func<TContext, CancellationToken, Task> Handle);

/// <summary>Loads in one query what a group's messages will each look up, so each finds it tracked instead of querying.</summary>
public interface IGroupLoader<in TContext>
{
    Task LoadAsync(TContext db, IReadOnlyList<object> messages, CancellationToken cancellationToken);
}

/// <summary>
/// Group commit for a service's consumers. Messages that arrive while a transaction is being written wait and then
/// go together in the next: one inbox lookup, each message's effect applied in turn to one context, one SaveChanges
/// with every effect, outgoing event and inbox row — instead of a transaction per message. Nothing waits for a group
/// to fill: a lone message is written at once. <see cref="WriteAsync"/> returns only when its message's transaction
/// has committed, so the broker is acknowledged after the commit, as before. If a group fails, its messages are
/// written one by one, so a bad message fails alone (MassTransit retries it, then moves it to the error queue).
/// A report's events never share a group: the complaint stream hands a consumer one event per report at a time.
/// </summary>
public sealed class GroupCommit<TContext>(IServiceScopeFactory scopes, TimeProvider clock, ILogger<GroupCommit<TContext>> logger)
    : BackgroundService
    where TContext : ServiceDbContext
{
    /// <summary>At most this many messages in one transaction.</summary>
    public const int MaxGroup = 64;

    private static readonly ActivitySource Source = new("Lapor.GroupCommit");

    private readonly Channel<Pending> _pending = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });

    public async Task WriteAsync(GroupedMessage<TContext> message, CancellationToken cancellationToken)
    {
        var pending = new Pending(message);
        if (!_pending.Writer.TryWrite(pending)) throw new OperationCanceledException("The service is stopping.");
        await pending.Done.Task.WaitAsync(cancellationToken);
    }

    /// <summary>One writer: two writing groups side by side cost more per message (smaller groups) and finished later.</summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var group = new List<Pending>(MaxGroup);
        try
        {
            while (await _pending.Reader.WaitToReadAsync(stoppingToken))
            {
                while (group.Count < MaxGroup && _pending.Reader.TryRead(out var next)) group.Add(next);
                // Written to the end even when stopping: a group taken is a group finished.
                await WriteGroupAsync(group);
                group.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            // Not acknowledged, so the broker redelivers them after the restart.
            _pending.Writer.TryComplete();
            while (_pending.Reader.TryRead(out var left)) left.Done.TrySetCanceled(CancellationToken.None);
        }
    }

    private async Task WriteGroupAsync(List<Pending> group)
    {
        try
        {
            await WriteAsync(group);
            foreach (var p in group) p.Done.TrySetResult();
        }
        catch (Exception ex) when (group.Count > 1)
        {
            logger.LogWarning(ex, "A group of {Count} messages failed; writing them one by one.", group.Count);
            foreach (var p in group)
            {
                try
                {
                    await WriteAsync([p]);
                    p.Done.TrySetResult();
                }
                catch (Exception one)
                {
                    p.Done.TrySetException(one);
                }
            }
        }
        catch (Exception ex)
        {
            group[0].Done.TrySetException(ex);
        }
    }

    private async Task WriteAsync(IReadOnlyList<Pending> group)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var messageIds = group.Select(p => p.Message.MessageId).Distinct().ToList();
        var seen = (await db.InboxMessages.AsNoTracking().Where(m => messageIds.Contains(m.MessageId))
                .Select(m => new { m.MessageId, m.Consumer }).ToListAsync())
            .Select(m => (m.MessageId, m.Consumer)).ToHashSet();
        // Also drops a second copy of a message within the group.
        var fresh = group.Where(p => seen.Add((p.Message.MessageId, p.Message.Consumer))).ToList();
        if (fresh.Count == 0) return;

        var messages = fresh.Select(p => p.Message.Message).ToList();
        foreach (var loader in scope.ServiceProvider.GetServices<IGroupLoader<TContext>>()) await loader.LoadAsync(db, messages, CancellationToken.None);
        var now = clock.GetUtcNow();
        foreach (var p in fresh)
        {
            // Each message is handled inside its own consume span, so its queries and the events it writes to the
            // outbox stay in the report's trace.
            Activity.Current = p.Parent;
            await p.Message.Handle(db, CancellationToken.None);
            db.InboxMessages.Add(new InboxMessage { MessageId = p.Message.MessageId, Consumer = p.Message.Consumer, ProcessedAt = now });
        }
        // The commit belongs to every message's trace: one span, linked to each.
        Activity.Current = null;
        using var commit = Source.StartActivity("group commit", ActivityKind.Internal, parentContext: default,
            links: fresh.Where(p => p.Parent is not null).Select(p => new ActivityLink(p.Parent!.Context)));
        commit?.SetTag("lapor.group.size", fresh.Count);
        await db.SaveChangesAsync();
    }

    private sealed class Pending(GroupedMessage<TContext> message)
    {
        public GroupedMessage<TContext> Message { get; } = message;
        /// <summary>The consumer's span when it handed the message over.</summary>
        public Activity? Parent { get; } = Activity.Current;
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
