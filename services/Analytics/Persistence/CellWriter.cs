using System.Collections.Concurrent;
using System.Reflection;
using Lapor.Analytics.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Lapor.Analytics.Persistence;

/// <summary>
/// Adds to pre-aggregated cells with <c>INSERT … ON CONFLICT (key) DO UPDATE SET m = m + excluded.m</c> — the same
/// SQL on SQLite and PostgreSQL — so concurrent projections never lose each other's counts. A cell's key is every
/// property that is not a <see cref="long"/> measure; table and column names come from the EF model.
/// </summary>
public static class CellWriter
{
    private const int RowsPerStatement = 200;
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Keys = new();
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Measures = new();

    private static PropertyInfo[] KeysOf(Type type) => Keys.GetOrAdd(type, t => t.GetProperties().Where(p => p.PropertyType != typeof(long)).ToArray());

    private static PropertyInfo[] MeasuresOf(Type type) => Measures.GetOrAdd(type, t => t.GetProperties().Where(p => p.PropertyType == typeof(long)).ToArray());

    /// <summary><paramref name="after"/> minus <paramref name="before"/>, cell by cell, leaving out cells that do not change.</summary>
    public static List<T> Difference<T>(IEnumerable<T> before, IEnumerable<T> after) where T : class, ICell, new() =>
        Sum(before.Select(c => Scaled(c, -1)).Concat(after));

    /// <summary>Cells with equal keys added together; cells whose measures are all zero left out.</summary>
    public static List<T> Sum<T>(IEnumerable<T> cells) where T : class, ICell, new()
    {
        var keys = KeysOf(typeof(T));
        var measures = MeasuresOf(typeof(T));
        var sums = new Dictionary<string, T>();
        foreach (var cell in cells)
        {
            var key = string.Join('\u001f', keys.Select(k => k.GetValue(cell)));
            if (!sums.TryGetValue(key, out var sum)) sums[key] = sum = Scaled(cell, 0);
            foreach (var m in measures) m.SetValue(sum, (long)m.GetValue(sum)! + (long)m.GetValue(cell)!);
        }
        return sums.Values.Where(c => measures.Any(m => (long)m.GetValue(c)! != 0)).ToList();
    }

    private static T Scaled<T>(T cell, long factor) where T : class, ICell, new()
    {
        var copy = new T();
        foreach (var k in KeysOf(typeof(T))) k.SetValue(copy, k.GetValue(cell));
        foreach (var m in MeasuresOf(typeof(T))) m.SetValue(copy, factor * (long)m.GetValue(cell)!);
        return copy;
    }

    /// <summary>Adds every cell's measures to the stored cell with its key, creating it if needed (in the context's current transaction).</summary>
    public static async Task AddAsync<T>(DbContext db, IReadOnlyList<T> cells, CancellationToken cancellationToken) where T : class, ICell
    {
        if (cells.Count == 0) return;
        var entity = db.Model.FindEntityType(typeof(T))!;
        var table = "\"" + entity.GetTableName() + "\"";
        string Column(PropertyInfo p) => "\"" + entity.FindProperty(p.Name)!.GetColumnName() + "\"";
        var keys = KeysOf(typeof(T));
        var columns = keys.Concat(MeasuresOf(typeof(T))).ToArray();
        var update = string.Join(", ", MeasuresOf(typeof(T)).Select(m => $"{Column(m)} = {table}.{Column(m)} + excluded.{Column(m)}"));

        // Always in key order: two transactions adding to the same cells lock them in the same order (no deadlock).
        var ordered = cells.OrderBy(c => string.Join('\u001f', keys.Select(k => k.GetValue(c))), StringComparer.Ordinal).ToList();
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var prepared = 0;
        foreach (var chunk in ordered.Chunk(RowsPerStatement))
        {
            if (chunk.Length != prepared)
            {
                // One statement text per chunk size, its parameters reused row after row.
                command.Parameters.Clear();
                var rows = Enumerable.Range(0, chunk.Length).Select(r => "(" + string.Join(", ", columns.Select((_, c) =>
                {
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = $"@p{r}_{c}";
                    command.Parameters.Add(parameter);
                    return parameter.ParameterName;
                })) + ")");
                command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns.Select(Column))}) VALUES {string.Join(", ", rows)} " +
                                      $"ON CONFLICT ({string.Join(", ", keys.Select(Column))}) DO UPDATE SET {update}";
                prepared = chunk.Length;
            }
            for (var r = 0; r < chunk.Length; r++)
            for (var c = 0; c < columns.Length; c++)
                command.Parameters[r * columns.Length + c].Value = columns[c].GetValue(chunk[r])!;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
