using System.Diagnostics;
using System.Text.Json;
using Lapor.Contracts;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapor.ServiceDefaults.Messaging;

/// <summary>
/// An integration event written in the same transaction as the change that caused it, and published
/// afterwards by <see cref="OutboxDispatcher{TContext}"/> in the order rows were written.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; private set; }
    /// <summary>The MassTransit message id; consumers' inboxes deduplicate on it.</summary>
    public Guid MessageId { get; private set; }
    public string MessageType { get; private set; } = "";
    public string Body { get; private set; } = "";
    public string? TraceParent { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? SentAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }

    public static OutboxMessage From<TEvent>(TEvent @event) where TEvent : class => new()
    {
        MessageId = NewId.NextGuid(),
        MessageType = @event.GetType().FullName!,
        Body = JsonSerializer.Serialize(@event, @event.GetType(), LaporJson.Options),
        TraceParent = Activity.Current?.Id,
        CreatedAt = (@event as IComplaintEvent)?.OccurredAt ?? DateTimeOffset.UtcNow,
    };

    public (object Message, Type Type) Deserialize()
    {
        var type = typeof(IComplaintEvent).Assembly.GetType(MessageType)
            ?? throw new InvalidOperationException($"Outbox message {Id} has unknown type {MessageType}.");
        return (JsonSerializer.Deserialize(Body, type, LaporJson.Options)!, type);
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("outbox_messages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.MessageType).HasMaxLength(200);
        builder.Property(m => m.TraceParent).HasMaxLength(128);
        builder.Property(m => m.LastError).HasMaxLength(2000);
        builder.HasIndex(m => m.MessageId).IsUnique();
        builder.HasIndex(m => new { m.SentAt, m.Id });
    }
}
