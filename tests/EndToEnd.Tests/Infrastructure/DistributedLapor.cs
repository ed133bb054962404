using System.Diagnostics;

namespace Lapor.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Lapor in its distributed shape: the four services and the gateway each in its own process, on the real
/// RabbitMQ (a virtual host of this fixture's own) and the real PostgreSQL (a database per service).
/// Intake and the desk reach the broker through a <see cref="TcpProxy"/> each, so tests can cut their network: intake's
/// publishing side, the desk's consuming side. A subclass may run it on another broker (a cluster, whose nodes the
/// services then reach directly).
/// </summary>
public class DistributedLapor : IAsyncLifetime
{
    private RabbitMqVirtualHost? _vhost;
    private readonly List<ServiceProcess> _services = [];

    /// <summary>Settings every process (services and gateway) gets on top of the distributed configuration (a subclass's faults).</summary>
    protected virtual IReadOnlyDictionary<string, string> ServiceSettings { get; } = new Dictionary<string, string>();

    /// <summary>How many processes run each service, on the same database and broker (the gateway stays one, balancing across them).</summary>
    protected virtual int Replicas => 1;

    /// <summary>A service's n-th process: the service's own name for the first, then <c>intake-2</c>, …</summary>
    public static string ReplicaName(string service, int replica) => replica == 1 ? service : $"{service}-{replica}";

    /// <summary>The broker the services use: the shared one unless a subclass starts another.</summary>
    protected virtual Task<Broker> StartBrokerAsync() => Task.FromResult(Broker.Shared);

    /// <summary>A service by name: intake, triage, desk, analytics or gateway.</summary>
    public ServiceProcess Service(string name) => _services.Single(s => s.Name == name);
    public IReadOnlyList<ServiceProcess> Processes => _services;

    public PostgresDatabases Databases { get; } = new(TestEnvironment.UniqueName("lapor"));
    public TcpProxy IntakeBrokerLink { get; } = new(TestEnvironment.RabbitMqHost, TestEnvironment.RabbitMqPort);
    public TcpProxy DeskBrokerLink { get; } = new(TestEnvironment.RabbitMqHost, TestEnvironment.RabbitMqPort);
    public ServiceProcess Gateway { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;

    /// <summary>A new client for the gateway, to carry one caller's token.</summary>
    public HttpClient NewClient() => new() { BaseAddress = Gateway.Address, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>The processes of the distributed shape: compose and Kubernetes files must describe the same ones.</summary>
    public static readonly IReadOnlyList<(string Name, string Directory, string Assembly)> Shape =
    [
        ("intake", "services/Intake", "Lapor.Intake"),
        ("triage", "services/Triage", "Lapor.Triage"),
        ("desk", "services/AgencyDesk", "Lapor.AgencyDesk"),
        ("analytics", "services/Analytics", "Lapor.Analytics"),
        ("gateway", "gateway/Lapor.Gateway", "Lapor.Gateway"),
    ];

    /// <summary>What a service process needs to run distributed: its own PostgreSQL database and the broker.</summary>
    public static Dictionary<string, string> ServiceEnvironment(string name, string database, string broker, string? clusterNodes = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["Lapor__Database"] = "Postgres",
            [$"ConnectionStrings__{name}"] = database,
            ["Lapor__Transport"] = "RabbitMq",
            ["ConnectionStrings__rabbitmq"] = broker,
        };
        if (clusterNodes is not null) environment["Lapor__Bus__ClusterNodes"] = clusterNodes;
        return environment;
    }

    /// <summary>What the gateway needs: one destination per service cluster.</summary>
    public static Dictionary<string, string> GatewayEnvironment(Func<string, string> address) =>
        Shape.Where(p => p.Name != "gateway")
            .ToDictionary(p => $"ReverseProxy__Clusters__{p.Name}__Destinations__primary__Address", p => address(p.Name));

    public virtual async Task InitializeAsync()
    {
        var rabbitMq = await StartBrokerAsync();
        _vhost = await RabbitMqVirtualHost.CreateAsync(rabbitMq);
        foreach (var (name, directory, assembly) in Shape.Where(p => p.Name != "gateway"))
        {
            var environment = new Dictionary<string, string>(ServiceSettings);
            var broker = rabbitMq.IsCluster
                ? _vhost.Uri()
                : _vhost.Uri(name switch { "intake" => IntakeBrokerLink.Port, "desk" => DeskBrokerLink.Port, _ => null });
            var nodes = rabbitMq.IsCluster ? rabbitMq.ClusterNodes : null;
            foreach (var (key, value) in ServiceEnvironment(name, Databases.ConnectionString(name), broker, nodes)) environment[key] = value;
            for (var replica = 1; replica <= Replicas; replica++)
                _services.Add(new ServiceProcess(ReplicaName(name, replica), directory, assembly, environment));
        }

        var gatewayEnvironment = new Dictionary<string, string>(ServiceSettings);
        foreach (var (key, value) in GatewayEnvironment(cluster => Service(cluster).Address.ToString())) gatewayEnvironment[key] = value;
        for (var replica = 2; replica <= Replicas; replica++)
            foreach (var cluster in Shape.Select(p => p.Name).Where(name => name != "gateway"))
                gatewayEnvironment[$"ReverseProxy__Clusters__{cluster}__Destinations__replica{replica}__Address"] = Service(ReplicaName(cluster, replica)).Address.ToString();
        gatewayEnvironment["Lapor__RateLimits__FilingPerMinute"] = "100000";
        gatewayEnvironment["Lapor__RateLimits__PerTokenPerMinute"] = "100000";
        gatewayEnvironment["Lapor__RateLimits__FollowUpPerMinute"] = "100000";
        var (gatewayName, gatewayDirectory, gatewayAssembly) = Shape.Single(p => p.Name == "gateway");
        Gateway = new ServiceProcess(gatewayName, gatewayDirectory, gatewayAssembly, gatewayEnvironment);
        _services.Add(Gateway);

        foreach (var service in _services) service.Start();
        Client = NewClient();
        await Task.WhenAll(_services.Select(WaitUntilHealthy));
    }

    /// <summary>Healthy, not merely Degraded: the bus is connected and every queue is bound before tests publish.</summary>
    public async Task WaitUntilHealthy(ServiceProcess service)
    {
        using var client = new HttpClient { BaseAddress = service.Address, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (service.HasExited) throw new InvalidOperationException($"{service.Name} exited:\n{service.RecentOutput}");
            try
            {
                var response = await client.GetAsync("/health/ready");
                if (response.IsSuccessStatusCode && await response.Content.ReadAsStringAsync() == "Healthy") return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        throw new TimeoutException($"{service.Name} did not become healthy:\n{service.RecentOutput}");
    }

    /// <summary>The services' virtual host on the broker.</summary>
    public RabbitMqVirtualHost VirtualHost => _vhost ?? throw new InvalidOperationException("Not started.");

    public string Diagnostics => string.Join("\n", _services.Select(s => s.RecentOutput));

    /// <summary>The vhost's queues, one per line: name, ready, unacknowledged, consumers.</summary>
    public Task<string> QueuesAsync() => _vhost?.QueuesAsync() ?? Task.FromResult("");

    /// <summary>Messages not yet delivered, summed over the named queues (cheap to poll).</summary>
    public Task<long> ReadyAsync(IEnumerable<string> queues) => _vhost?.ReadyAsync(queues) ?? Task.FromResult(0L);

    /// <summary>The vhost's queues (ready, unacknowledged, consumers) and every service's recent output.</summary>
    public virtual async Task<string> DiagnosticsWithQueuesAsync()
    {
        var health = await Task.WhenAll(_services.Select(async s =>
        {
            using var client = new HttpClient { BaseAddress = s.Address, Timeout = TimeSpan.FromSeconds(3) };
            try { return $"{s.Name}: {(s.HasExited ? "exited" : await client.GetStringAsync("/health/ready"))}"; }
            catch (Exception e) { return $"{s.Name}: no answer ({e.GetType().Name})"; }
        }));
        return $"health: {string.Join("; ", health)}\nqueues (ready, unacked, consumers):\n{(_vhost is null ? "" : await _vhost.QueuesAsync())}\n{Diagnostics}";
    }

    public virtual async Task DisposeAsync()
    {
        Client?.Dispose();
        foreach (var service in _services) await service.DisposeAsync();
        await IntakeBrokerLink.DisposeAsync();
        await DeskBrokerLink.DisposeAsync();
        await Databases.DisposeAsync();
        if (_vhost is not null) await _vhost.DisposeAsync();
    }
}
