using Microsoft.AspNetCore.Hosting;
using System.Collections.Concurrent;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace Lapor.EndToEnd.Tests;

/// <summary>The embedded host as a newcomer runs it: one process, SQLite files in a fresh folder, the in-memory bus.</summary>
public sealed class EmbeddedLaporFactory : WebApplicationFactory<Embedded.AssemblyMarker>, IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "lapor-embedded-tests-" + Guid.NewGuid().ToString("N"));

    public string DataDirectory => _dataDirectory;

    /// <summary>Every log line the host wrote, formatted with its exception, for tests that prove secrets stay out of logs.</summary>
    public ConcurrentQueue<string> Logs { get; } = new();

    /// <summary>Configuration a test adds to the defaults below, set before the host starts.</summary>
    public Dictionary<string, string> Settings { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Lapor:DataDirectory", _dataDirectory);
        builder.UseSetting("Lapor:Auth:SigningKey", Infrastructure.TestTokens.SigningKey);
        // Test servers have no client address: every test shares one limiter partition.
        builder.UseSetting("Lapor:RateLimits:FilingPerMinute", "100000");
        builder.UseSetting("Lapor:RateLimits:PerTokenPerMinute", "100000");
        builder.UseSetting("Lapor:RateLimits:FollowUpPerMinute", "100000");
        builder.UseSetting("Lapor:RateLimits:WrongAccessCodesPerAddress", "100000");
        builder.UseSetting("Lapor:Supports:AnonymousPerNetworkPerDay", "100000");
        // Every route triage makes also verifies the report, as with Lapor's routing threshold: the suites exercise what
        // follows a route. The default auto-verification confidence (0.50) is tested on its own (RouterTests,
        // PublicFeedTests.A_report_is_public_only_once_verified).
        builder.UseSetting("Lapor:Triage:AutoVerifyConfidence", "0.2");
        builder.UseEnvironment("Testing");
        builder.ConfigureLogging(logging => logging.AddProvider(new CapturingLoggerProvider(Logs)));
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataDirectory)) Directory.Delete(_dataDirectory, recursive: true);
    }
}

/// <summary>Keeps every formatted log message (with exceptions and scopes' state ignored) in memory.</summary>
public sealed class CapturingLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, lines);

    public void Dispose() { }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }
}
