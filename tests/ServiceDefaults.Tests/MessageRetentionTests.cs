using Lapor.Contracts;
using Lapor.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Lapor.ServiceDefaults.Tests;

/// <summary>Retention trims what the outbox sent and the inbox saw once it is old, and never an unsent event.</summary>
public sealed class MessageRetentionTests(LedgerDatabase ledger) : IClassFixture<LedgerDatabase>
{
    private sealed class At(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Fact]
    public async Task Old_sent_outbox_rows_and_old_inbox_rows_go_and_unsent_or_recent_ones_stay()
    {
        var now = DateTimeOffset.UtcNow;
        var (oldSent, oldUnsent, recentSent) = (Outbox(now.AddDays(-8)), Outbox(null), Outbox(now.AddDays(-1)));
        var (oldSeen, recentSeen) = (Guid.NewGuid(), Guid.NewGuid());
        await ledger.InDatabase(async db =>
        {
            db.OutboxMessages.AddRange(oldSent, oldUnsent, recentSent);
            db.InboxMessages.AddRange(
                new InboxMessage { MessageId = oldSeen, Consumer = "TestConsumer", ProcessedAt = now.AddDays(-8) },
                new InboxMessage { MessageId = recentSeen, Consumer = "TestConsumer", ProcessedAt = now.AddHours(-2) });
            return await db.SaveChangesAsync();
        });

        var retention = new MessageRetention<LedgerDbContext>(ledger.Scopes,
            new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Lapor:Retention:Days"] = "7" }).Build(),
            new At(now), NullLogger<MessageRetention<LedgerDbContext>>.Instance);
        var (outbox, inbox) = await retention.TrimAsync(CancellationToken.None);
        Assert.Equal((1, 1), (outbox, inbox));

        var ids = new[] { oldSent.MessageId, oldUnsent.MessageId, recentSent.MessageId };
        var left = await ledger.InDatabase(db => db.OutboxMessages.Where(m => ids.Contains(m.MessageId)).Select(m => m.MessageId).ToListAsync());
        Assert.Equal(new[] { oldUnsent.MessageId, recentSent.MessageId }.Order(), left.Order());
        var seen = await ledger.InDatabase(db => db.InboxMessages.Where(m => m.Consumer == "TestConsumer").Select(m => m.MessageId).ToListAsync());
        Assert.Equal([recentSeen], seen);
    }

    private static OutboxMessage Outbox(DateTimeOffset? sentAt)
    {
        var row = OutboxMessage.From(new ComplaintSupported(Guid.NewGuid(), "LPR-RETENTIO", 1, DateTimeOffset.UtcNow));
        row.SentAt = sentAt;
        return row;
    }
}
