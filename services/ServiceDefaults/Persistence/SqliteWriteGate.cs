using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Lapor.ServiceDefaults.Persistence;

/// <summary>
/// SQLite has one writer per file. Left to itself, concurrent writers in one process collide and back off
/// with sleeps (SQLITE_BUSY), which cost hundreds of milliseconds under load. The embedded mode instead
/// queues SaveChanges per database file in-process, and runs each connection with
/// <c>synchronous=NORMAL</c>, which is durable in WAL mode except for the very last commits on power loss.
/// </summary>
internal static class SqliteWriteGate
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new();

    /// <summary>Runs one SaveChanges while holding its database file's write gate.</summary>
    public static async Task<T> RunAsync<T>(DbContext context, Func<Task<T>> save, CancellationToken cancellationToken)
    {
        var gate = Gates.GetOrAdd(context.Database.GetConnectionString() ?? "", _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await save();
        }
        finally
        {
            gate.Release();
        }
    }
}

/// <summary>Sets <c>synchronous=NORMAL</c> on every SQLite connection (see <see cref="SqliteWriteGate"/>).</summary>
internal sealed class SqliteConnectionTuning : DbConnectionInterceptor
{
    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=NORMAL;";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=NORMAL;";
        command.ExecuteNonQuery();
    }
}
