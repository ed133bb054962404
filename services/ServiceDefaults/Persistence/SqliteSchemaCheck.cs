using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Lapor.ServiceDefaults.Persistence;

/// <summary>
/// The embedded mode creates its SQLite files once and does not migrate them. A file an earlier Lapor made may lack a
/// table or column this one needs: this says which, so the host can refuse to start with a clear reason instead of
/// failing later, request by request, with "no such table".
/// </summary>
public static class SqliteSchemaCheck
{
    /// <summary>The model's tables and columns the file lacks (<c>table</c> or <c>table.column</c>); empty when it has them all.</summary>
    public static async Task<List<string>> MissingAsync(DbContext db, CancellationToken cancellationToken)
    {
        var expected = db.Model.GetEntityTypes()
            .Where(t => t.GetTableName() is not null)
            .GroupBy(t => t.GetTableName()!)
            .ToDictionary(g => g.Key, g => g.SelectMany(t => t.GetProperties()
                .Select(p => p.GetColumnName(StoreObjectIdentifier.Table(g.Key, t.GetSchema()))).OfType<string>()).ToHashSet());

        var connection = db.Database.GetDbConnection();
        if (connection.State != ConnectionState.Open) await db.Database.OpenConnectionAsync(cancellationToken);
        var missing = new List<string>();
        try
        {
            foreach (var (table, columns) in expected)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT name FROM pragma_table_info('{table.Replace("'", "''")}')";
                var present = new HashSet<string>();
                await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
                    while (await reader.ReadAsync(cancellationToken)) present.Add(reader.GetString(0));
                if (present.Count == 0) missing.Add(table);
                else missing.AddRange(columns.Where(c => !present.Contains(c)).Select(c => $"{table}.{c}"));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return missing;
    }
}
