using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapor.ServiceDefaults.Messaging;

/// <summary>
/// A message a consumer has already handled. Written in the same transaction as the consumer's effect,
/// so a redelivered message is recognised and changes nothing.
/// </summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; init; }
    public string Consumer { get; init; } = "";
    public DateTimeOffset ProcessedAt { get; init; }
}

internal sealed class InboxMessageConfiguration : IEntityTypeConfiguration<InboxMessage>
{
    public void Configure(EntityTypeBuilder<InboxMessage> builder)
    {
        builder.ToTable("inbox_messages");
        builder.HasKey(m => new { m.MessageId, m.Consumer });
        // Retention deletes by age (MessageRetention).
        builder.HasIndex(m => m.ProcessedAt);
        builder.Property(m => m.Consumer).HasMaxLength(200);
    }
}
