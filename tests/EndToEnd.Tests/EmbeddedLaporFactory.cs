using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Lapor.EndToEnd.Tests;

/// <summary>The embedded host as a newcomer runs it: one process, SQLite files in a fresh folder, the in-memory bus.</summary>
public sealed class EmbeddedLaporFactory : WebApplicationFactory<Embedded.AssemblyMarker>, IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "lapor-embedded-tests-" + Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Lapor:DataDirectory", _dataDirectory);
        builder.UseSetting("Lapor:Auth:SigningKey", Infrastructure.TestTokens.SigningKey);
        builder.UseEnvironment("Testing");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataDirectory)) Directory.Delete(_dataDirectory, recursive: true);
    }
}
