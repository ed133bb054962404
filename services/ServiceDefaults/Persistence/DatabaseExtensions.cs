using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Lapor.ServiceDefaults.Messaging;

namespace Lapor.ServiceDefaults.Persistence;

public static class DatabaseExtensions
{
    /// <summary>
    /// Registers a service's own database. <c>Lapor:Database</c> chooses the provider: <c>Sqlite</c> (default,
    /// one file per service under <c>Lapor:DataDirectory</c>) or <c>Postgres</c> (<c>ConnectionStrings:{name}</c>).
    /// Also starts the schema initializer, the outbox dispatcher and the consumers' group commit for this context.
    /// </summary>
    public static WebApplicationBuilder AddLaporDatabase<TContext>(this WebApplicationBuilder builder, string name)
        where TContext : ServiceDbContext
    {
        var provider = ProviderFrom(builder.Configuration);
        var connectionString = ConnectionString(builder.Configuration, provider, name);

        // Pooled: a context's internal services are set up once, not per request and per message group (resolving
        // them was a tenth of intake's CPU under load). ServiceDbContext forgets unsaved work when it goes back.
        builder.Services.AddDbContextPool<TContext>((services, options) =>
        {
            options.AddInterceptors(services.GetRequiredService<OutboxSignalInterceptor<TContext>>());
            if (provider == DatabaseProvider.Postgres)
                options.UseNpgsql(connectionString, npgsql => npgsql.EnableRetryOnFailure(3));
            else
                options.UseSqlite(connectionString).AddInterceptors(SqliteTuning);
        }, poolSize: ContextPoolSize);
        builder.Services.AddHostedService<DatabaseInitializer<TContext>>();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck<TContext>>($"{name}-database", tags: ["ready"]);
        builder.Services.AddOutbox<TContext>();
        if (builder.Configuration.GetValue("Lapor:Bus:GroupCommit", true))
        {
            // Registered before the bus, so it stops after the bus has stopped handing it messages.
            builder.Services.AddSingleton<GroupCommit<TContext>>();
            builder.Services.AddHostedService(services => services.GetRequiredService<GroupCommit<TContext>>());
        }
        return builder;
    }

    private static readonly SqliteConnectionTuning SqliteTuning = new();

    /// <summary>
    /// Contexts kept for reuse (EF's default is 1024). A context keeps the capacity its busiest use grew (a group of 64
    /// messages), so a large pool held memory for nothing; beyond this many at once, contexts are made and dropped.
    /// </summary>
    private const int ContextPoolSize = 64;

    public static DatabaseProvider ProviderFrom(IConfiguration configuration) =>
        Enum.TryParse<DatabaseProvider>(configuration["Lapor:Database"], ignoreCase: true, out var provider)
            ? provider
            : DatabaseProvider.Sqlite;

    /// <summary>
    /// The embedded data folder holds reports, reporters' sealed contacts, keys and attachments: only the account Lapor
    /// runs as may enter it (0700), whatever the umask gives the files SQLite creates inside.
    /// </summary>
    public static void PrivateDirectory(string directory)
    {
        if (OperatingSystem.IsWindows()) { Directory.CreateDirectory(directory); return; }
        Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private static string ConnectionString(IConfiguration configuration, DatabaseProvider provider, string name)
    {
        var configured = configuration.GetConnectionString(name);
        if (!string.IsNullOrWhiteSpace(configured)) return provider == DatabaseProvider.Postgres ? Tuned(configured) : configured;
        if (provider == DatabaseProvider.Postgres)
            throw new InvalidOperationException($"ConnectionStrings:{name} is required when Lapor:Database is Postgres.");

        var directory = Path.GetFullPath(configuration["Lapor:DataDirectory"] ?? "data");
        PrivateDirectory(directory);
        // A busy timeout lets concurrent writers (API and consumers) wait for SQLite's single writer lock.
        return $"Data Source={Path.Combine(directory, name + ".db")};Default Timeout=30;Pooling=True";
    }

    /// <summary>
    /// Defaults for the services' PostgreSQL connections, each kept unless the connection string sets it: no
    /// <c>DISCARD ALL</c> when a pooled connection is reused (the services keep no session state); statements
    /// the service runs again and again (the inbox lookup, the outbox's reads and marks, the consumers' inserts)
    /// prepared once per connection instead of parsed and planned every time; and no TLS to a database on the same
    /// machine (loopback or a Unix socket), where it protects nothing and cost a third of a service's CPU
    /// (Npgsql's default, <c>Prefer</c>, encrypts whenever the server offers it, as Debian's does).
    /// </summary>
    public static string Tuned(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        bool Set(string keyword) => connectionString.Contains(keyword, StringComparison.OrdinalIgnoreCase);
        if (!Set("No Reset On Close") && !Set("NoResetOnClose")) builder.NoResetOnClose = true;
        if (!Set("Max Auto Prepare") && !Set("MaxAutoPrepare")) builder.MaxAutoPrepare = 64;
        if (!Set("SSL Mode") && !Set("SslMode") && IsLocal(builder.Host)) builder.SslMode = Npgsql.SslMode.Disable;
        return builder.ConnectionString;
    }

    /// <summary>Whether every host of a connection string is this machine: a loopback name or address, or a Unix socket directory.</summary>
    public static bool IsLocal(string? hosts) =>
        !string.IsNullOrWhiteSpace(hosts) && hosts.Split(',').Select(h => h.Trim()).All(host =>
            host.StartsWith('/')
            || host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (System.Net.IPAddress.TryParse(host.Trim('[', ']'), out var address) && System.Net.IPAddress.IsLoopback(address)));
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

