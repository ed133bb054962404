using Lapor.ServiceDefaults.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.ServiceDefaults.Messaging;

/// <summary>
/// Base for every consumer: skips a message its inbox has seen, otherwise applies <see cref="Handle"/>
/// and records the message id in the same SaveChanges (one transaction) as the effect and any outgoing
/// events. If two copies race, the inbox key makes one fail and MassTransit's retry then skips it.
/// Nothing is acknowledged to the broker before that transaction commits. Where the service registers a
/// <see cref="GroupCommit{TContext}"/> (every service does, unless <c>Lapor:Bus:GroupCommit</c> is false), the
/// transaction is shared with the messages that arrived meanwhile, and <see cref="Db"/> is the group's context.
/// </summary>
public abstract class IdempotentConsumer<TContext, TMessage>(TContext db, TimeProvider clock) : IConsumer<TMessage>
    where TContext : ServiceDbContext
    where TMessage : class
{
    protected TContext Db { get; private set; } = db;
    protected TimeProvider Clock { get; } = clock;
    /// <summary>The id of the message being handled.</summary>
    protected Guid MessageId { get; private set; }

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = MessageId = context.MessageId ?? throw new InvalidOperationException("Message has no MessageId.");
        var consumer = InboxName;
        if (context.TryGetPayload<IServiceProvider>(out var services) && services.GetService<GroupCommit<TContext>>() is { } group)
        {
            await group.WriteAsync(new GroupedMessage<TContext>(messageId, consumer, context.Message, (db, cancellationToken) =>
            {
                Db = db;
                return Handle(context.Message, cancellationToken);
            }), context.CancellationToken);
            return;
        }

        if (await Db.InboxMessages.AnyAsync(m => m.MessageId == messageId && m.Consumer == consumer, context.CancellationToken))
            return;

        await Handle(context.Message, context.CancellationToken);
        Db.InboxMessages.Add(new InboxMessage { MessageId = messageId, Consumer = consumer, ProcessedAt = Clock.GetUtcNow() });
        await Db.SaveChangesAsync(context.CancellationToken);
    }

    /// <summary>Applies the message to the tracked entities; must not call SaveChanges.</summary>
    protected abstract Task Handle(TMessage message, CancellationToken cancellationToken);

    /// <summary>
    /// The report's row, the one way every consumer loads it: tracked by this unit of work (an event earlier in the same
    /// group may have added it), known absent when the group's load did not find it, else read from the database
    /// (<see cref="ServiceDbContext.FindLoadedAsync{TEntity, TKey}"/>). Null when the service does not have the report.
    /// </summary>
    protected ValueTask<TReport?> FindReportAsync<TReport>(Guid complaintId, CancellationToken cancellationToken) where TReport : class =>
        Db.FindLoadedAsync<TReport, Guid>(complaintId, cancellationToken);

    /// <summary>
    /// The name the inbox records this consumer's messages under: its class's name, or for one generic consumer closed
    /// over an event type (<c>TimelineConsumer&lt;ComplaintRouted&gt;</c>) the event's name and "Consumer"
    /// (<c>ComplaintRoutedConsumer</c>), so each event type keeps one stable name whatever class handles it.
    /// </summary>
    private string InboxName => GetType().IsGenericType ? typeof(TMessage).Name + "Consumer" : GetType().Name;
}
