using Lapor.EndToEnd.Tests.Infrastructure;

namespace Lapor.EndToEnd.Tests.Reliability;

/// <summary>Start-up order does not matter: a service started while its broker and database are unreachable keeps trying and becomes ready when they are.</summary>
[Trait("Category", "Distributed")]
public sealed class StartupOrderTests : IAsyncLifetime
{
    private readonly PostgresDatabases _databases = new(TestEnvironment.UniqueName("lapor"));
    private static readonly Npgsql.NpgsqlConnectionStringBuilder Server = new(TestEnvironment.Postgres);
    private readonly TcpProxy _database = new(Server.Host ?? "127.0.0.1", Server.Port);
    private readonly TcpProxy _broker = new(TestEnvironment.RabbitMqHost, TestEnvironment.RabbitMqPort);
    private RabbitMqVirtualHost? _vhost;
    private ServiceProcess? _triage;

    public async Task InitializeAsync() => _vhost = await RabbitMqVirtualHost.CreateAsync();

    [Fact]
    public async Task Triage_started_before_PostgreSQL_and_RabbitMQ_are_reachable_becomes_ready_when_they_are()
    {
        _database.Cut();
        _broker.Cut();
        var connection = new Npgsql.NpgsqlConnectionStringBuilder(_databases.ConnectionString("triage")) { Host = "127.0.0.1", Port = _database.Port }.ConnectionString;
        _triage = new ServiceProcess("triage", "services/Triage", "Lapor.Triage", new Dictionary<string, string>
        {
            ["Lapor__Database"] = "Postgres",
            ["ConnectionStrings__triage"] = connection,
            ["Lapor__Transport"] = "RabbitMq",
            ["ConnectionStrings__rabbitmq"] = _vhost!.Uri(_broker.Port),
        });
        _triage.Start();

        using var client = new HttpClient { BaseAddress = _triage.Address, Timeout = TimeSpan.FromSeconds(2) };
        await Task.Delay(TimeSpan.FromSeconds(8));
        Assert.False(_triage.HasExited, "the service keeps trying instead of giving up:\n" + _triage.RecentOutput);
        Assert.False(await ReadyAsync(client), "not ready without its database");

        _database.Restore();
        _broker.Restore();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!await ReadyAsync(client) && clock.Elapsed < TimeSpan.FromSeconds(90)) await Task.Delay(500);
        Assert.True(await ReadyAsync(client), "ready once PostgreSQL and RabbitMQ answer:\n" + _triage.RecentOutput);
    }

    private static async Task<bool> ReadyAsync(HttpClient client)
    {
        try
        {
            var response = await client.GetAsync("/health/ready");
            return response.IsSuccessStatusCode && await response.Content.ReadAsStringAsync() == "Healthy";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    public async Task DisposeAsync()
    {
        if (_triage is not null) await _triage.DisposeAsync();
        await _database.DisposeAsync();
        await _broker.DisposeAsync();
        await _databases.DisposeAsync();
        if (_vhost is not null) await _vhost.DisposeAsync();
    }
}
