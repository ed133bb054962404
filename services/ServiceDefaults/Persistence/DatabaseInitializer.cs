using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Lapor.ServiceDefaults.Persistence;

/// <summary>
/// Brings the schema up to date before the service serves or consumes: EF Core migrations on PostgreSQL,
/// <c>EnsureCreated</c> on the embedded SQLite files (a file an earlier version made, which lacks a table or column, stops
/// the start with a reason: <see cref="SqliteSchemaCheck"/>). Waits for a database that is not up yet, so start-up
/// order does not matter. Then runs the service's idempotent seeders.
/// </summary>
public sealed class DatabaseInitializer<TContext>(IServiceProvider services, ILogger<DatabaseInitializer<TContext>> logger)
    : IHostedService where TContext : ServiceDbContext
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await InitializeAsync(cancellationToken);
                return;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested && IsTransient(ex))
            {
                var delay = TimeSpan.FromSeconds(Math.Min(10, attempt));
                logger.LogWarning("Database for {Context} is not reachable yet (attempt {Attempt}): {Error}. Retrying in {Delay}.",
                    typeof(TContext).Name, attempt, ex.Message, delay);
                await Task.Delay(delay, cancellationToken);
            }
        }
    }

    private async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        if (db.Database.IsSqlite())
        {
            if (!await db.Database.EnsureCreatedAsync(cancellationToken) && await SqliteSchemaCheck.MissingAsync(db, cancellationToken) is { Count: > 0 } missing)
                throw new InvalidOperationException(
                    $"The SQLite file of {typeof(TContext).Name} was made by an earlier Lapor and lacks {string.Join(", ", missing.Take(8))}. " +
                    "The embedded mode does not migrate its files: move the data folder (Lapor:DataDirectory) aside to start afresh.");
            // WAL lets readers proceed while a consumer writes.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
        else if (db.Database.GetMigrations().Any())
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
        else
        {
            await db.Database.EnsureCreatedAsync(cancellationToken);
        }

        foreach (var seeder in scope.ServiceProvider.GetServices<ISeeder<TContext>>())
            await seeder.SeedAsync(db, cancellationToken);
    }

    // Connection failures (possibly wrapped by EF) are retried; anything else, such as a broken migration, stops the start.
    private static bool IsTransient(Exception ex) =>
        ex is System.Net.Sockets.SocketException or TimeoutException or System.Data.Common.DbException
        || ex.InnerException is not null && IsTransient(ex.InnerException);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Fills a service's reference data. Must be idempotent: it runs at every start.</summary>
public interface ISeeder<in TContext> where TContext : ServiceDbContext
{
    Task SeedAsync(TContext db, CancellationToken cancellationToken);
}
