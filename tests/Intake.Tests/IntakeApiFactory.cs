using Lapor.Intake.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.Intake.Tests;

/// <summary>Intake alone, on its own SQLite file in a fresh folder and the in-memory bus.</summary>
public sealed class IntakeApiFactory : WebApplicationFactory<AssemblyMarker>, IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "lapor-intake-tests-" + Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Lapor:DataDirectory", _dataDirectory);
        builder.UseEnvironment("Testing");
    }

    public async Task<T> InDatabase<T>(Func<IntakeDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<IntakeDbContext>());
    }

    public Task<int> StoredComplaints() => InDatabase(db => db.Complaints.CountAsync());

    public Task<int> OutboxRows() => InDatabase(db => db.OutboxMessages.CountAsync());

    public Task InitializeAsync() => Task.CompletedTask;

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataDirectory)) Directory.Delete(_dataDirectory, recursive: true);
    }
}
