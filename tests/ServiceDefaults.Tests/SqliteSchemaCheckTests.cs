using Lapor.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lapor.ServiceDefaults.Tests;

/// <summary>An embedded SQLite file made by an earlier version is recognised by what it lacks, table or column.</summary>
public sealed class SqliteSchemaCheckTests
{
    [Fact]
    public async Task A_file_lacking_a_table_or_a_column_of_the_model_says_which()
    {
        var ledger = new LedgerDatabase();
        await ledger.InitializeAsync();
        try
        {
            Assert.Empty(await ledger.InDatabase(db => SqliteSchemaCheck.MissingAsync(db, CancellationToken.None)));

            await ledger.InDatabase(db => db.Database.ExecuteSqlRawAsync("ALTER TABLE outbox_messages DROP COLUMN \"Attempts\"; DROP TABLE inbox_messages;"));

            var missing = await ledger.InDatabase(db => SqliteSchemaCheck.MissingAsync(db, CancellationToken.None));
            Assert.Equal(["inbox_messages", "outbox_messages.Attempts"], missing.Order());
        }
        finally
        {
            await ledger.DisposeAsync();
        }
    }
}
