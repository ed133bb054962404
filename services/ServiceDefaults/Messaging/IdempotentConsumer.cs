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
        var consumer = GetType().Name;
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
}
