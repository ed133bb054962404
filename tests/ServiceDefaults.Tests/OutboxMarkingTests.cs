using Lapor.Contracts;
using Lapor.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Lapor.ServiceDefaults.Tests;

/// <summary>The dispatcher marks, in one statement, exactly the rows the broker confirmed — the others stay as they were.</summary>
public sealed class OutboxMarkingTests(LedgerDatabase ledger) : IClassFixture<LedgerDatabase>
{
    [Fact]
    public async Task Only_the_confirmed_rows_are_marked_and_each_counts_one_more_publication()
    {
        // Already sent once; two are confirmed again now.
        var earlier = DateTimeOffset.UtcNow.AddHours(-1);
        var rows = Enumerable.Range(0, 3).Select(_ => Outbox(earlier)).ToList();
        await ledger.InDatabase(async db =>
        {
            db.OutboxMessages.AddRange(rows);
            return await db.SaveChangesAsync();
        });

        var now = DateTimeOffset.UtcNow;
        var marked = await ledger.InDatabase(db => db.MarkOutboxSentAsync([rows[0].Id, rows[2].Id], now, CancellationToken.None));
        var nothing = await ledger.InDatabase(db => db.MarkOutboxSentAsync([], now, CancellationToken.None));

        Assert.Equal(2, marked);
        Assert.Equal(0, nothing);
        var ids = rows.Select(r => r.Id).ToList();
        var stored = await ledger.InDatabase(db => db.OutboxMessages.AsNoTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id));
        Assert.Equal((now.UtcTicks, 2), (stored[rows[0].Id].SentAt!.Value.UtcTicks, stored[rows[0].Id].Attempts));
        Assert.Equal((now.UtcTicks, 2), (stored[rows[2].Id].SentAt!.Value.UtcTicks, stored[rows[2].Id].Attempts));
        Assert.Equal((earlier.UtcTicks, 1), (stored[rows[1].Id].SentAt!.Value.UtcTicks, stored[rows[1].Id].Attempts));
    }

    private static OutboxMessage Outbox(DateTimeOffset sentAt)
    {
        var row = OutboxMessage.From(new ComplaintSupported(Guid.NewGuid(), "LPR-MARKING1", 1, DateTimeOffset.UtcNow));
        row.SentAt = sentAt;
        row.Attempts = 1;
        return row;
    }
}
