using Lapor.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.ServiceDefaults.Tests;

/// <summary>A context with nothing but the outbox and the inbox: the shared messaging parts, tested without a service.</summary>
public sealed class LedgerDbContext(DbContextOptions<LedgerDbContext> options) : ServiceDbContext(options);

/// <summary>A <see cref="LedgerDbContext"/> on its own SQLite file, created for one test class and deleted after it.</summary>
public sealed class LedgerDatabase : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("lapor-ledger-").FullName;

    public ServiceProvider Services { get; private set; } = null!;

    public IServiceScopeFactory Scopes => Services.GetRequiredService<IServiceScopeFactory>();

    public async Task InitializeAsync()
    {
        Services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddDbContext<LedgerDbContext>(options => options.UseSqlite($"Data Source={Path.Combine(_folder, "ledger.db")}"))
            .BuildServiceProvider();
        await InDatabase(db => db.Database.EnsureCreatedAsync());
    }

    public async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    public async Task<T> InDatabase<T>(Func<LedgerDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<LedgerDbContext>());
    }
}
