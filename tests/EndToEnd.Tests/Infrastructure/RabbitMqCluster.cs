using Docker.DotNet;
using Docker.DotNet.Models;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Configurations;
using DotNet.Testcontainers.Networks;
using Testcontainers.RabbitMq;

namespace Lapor.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Three RabbitMQ nodes in containers on a Docker network of their own, joined into one cluster, for the cluster
/// faults: a node stopped, cut from the network or paused. Each node's AMQP port is bound on 127.0.0.1, so the services
/// connect to the nodes as to a cluster's hosts. The nodes share an Erlang cookie, detect a lost peer within about ten
/// seconds (<c>net_ticktime</c> 10 instead of 60) and handle a partition by pausing the minority, RabbitMQ's advice for
/// three nodes. Needs the Debian test image (<c>LAPOR_TEST_RABBITMQ_IMAGE</c>); the containers carry the
/// <see cref="TestServers.Label"/> label.
/// </summary>
public sealed class RabbitMqCluster : IAsyncDisposable
{
    private const string Cookie = "lapor-test-cluster-cookie";
    private static readonly string[] Hostnames = ["rabbit-a", "rabbit-b", "rabbit-c"];

    private readonly INetwork _network;
    private readonly List<RabbitMqContainer> _nodes = [];
    private readonly DockerClient _docker = TestcontainersSettings.OS.DockerEndpointAuthConfig.GetDockerClientConfiguration().CreateClient();

    private RabbitMqCluster(INetwork network) => _network = network;

    public Broker Broker { get; private set; } = null!;
    public int Count => _nodes.Count;

    public static async Task<RabbitMqCluster> StartAsync()
    {
        var image = Environment.GetEnvironmentVariable("LAPOR_TEST_RABBITMQ_IMAGE")
                    ?? throw new InvalidOperationException("The cluster runs on the test image: set LAPOR_TEST_RABBITMQ_IMAGE (tests/run.sh does).");
        var network = new NetworkBuilder().WithName(TestEnvironment.UniqueName("lapor-cluster")).WithLabel(TestServers.Label, "1").Build();
        await network.CreateAsync();
        var cluster = new RabbitMqCluster(network);
        var ports = Hostnames.Select(_ => TestEnvironment.FreePort()).ToArray();
        foreach (var (hostname, port) in Hostnames.Zip(ports))
        {
            cluster._nodes.Add(new RabbitMqBuilder().WithImage(image).WithUsername("guest").WithPassword("guest")
                .WithNetwork(network).WithHostname(hostname).WithNetworkAliases(hostname)
                .WithEnvironment("LAPOR_COOKIE", Cookie)
                .WithEnvironment("RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS", "-rabbit cluster_partition_handling autoheal -kernel net_ticktime 10")
                // The cookie must be the node's own file (mode 400) before the server starts; then the server itself.
                .WithEntrypoint("sh", "-c",
                    "rm -f \"$HOME/.erlang.cookie\"; umask 077; printf %s \"$LAPOR_COOKIE\" > \"$HOME/.erlang.cookie\"; exec /usr/lib/rabbitmq/bin/rabbitmq-server")
                .WithPortBinding(port, RabbitMqBuilder.RabbitMqPort).WithLabel(TestServers.Label, "1").Build());
        }
        await Task.WhenAll(cluster._nodes.Select(node => node.StartAsync()));
        foreach (var node in cluster._nodes.Skip(1)) // one at a time: nodes joining at once can fail to start
        {
            await Exec(node, "stop_app");
            await Exec(node, "join_cluster", $"rabbit@{Hostnames[0]}");
            await Exec(node, "start_app");
        }
        cluster.Broker = new Broker("127.0.0.1", ports, cluster.RabbitMqCtlAsync);
        return cluster;
    }

    /// <summary>rabbitmqctl on the first node that answers (a stopped or paused node cannot).</summary>
    public async Task<string> RabbitMqCtlAsync(params string[] args)
    {
        Exception? last = null;
        foreach (var node in _nodes)
        {
            try { return await Exec(node, args).WaitAsync(TimeSpan.FromSeconds(30)); }
            catch (Exception e) { last = e; }
        }
        throw new InvalidOperationException("No node of the cluster answered.", last);
    }

    /// <summary>The node holding the most client connections now, and how many it holds.</summary>
    public async Task<(int Node, int Connections)> BusiestNodeAsync()
    {
        var pids = (await RabbitMqCtlAsync("list_connections", "-q", "--no-table-headers", "pid")) // a connection's process: <rabbit@host.N.M>
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return Enumerable.Range(0, _nodes.Count)
            .Select(node => (node, pids.Count(pid => pid.StartsWith($"<rabbit@{Hostnames[node]}.", StringComparison.Ordinal))))
            .MaxBy(n => n.Item2);
    }

    /// <summary>The nodes every running node sees as running, e.g. for a failure message.</summary>
    public Task<string> StatusAsync() => RabbitMqCtlAsync("-q", "cluster_status");

    /// <summary>Stops a node's container, as a machine going down would; its queues' leaders move to the others.</summary>
    public Task StopAsync(int node) => _nodes[node].StopAsync();

    /// <summary>Starts a stopped node again; it rejoins the cluster and its quorum queue members catch up.</summary>
    public async Task StartAsync(int node)
    {
        await _nodes[node].StartAsync();
        await Exec(_nodes[node], "await_startup");
    }

    /// <summary>Cuts a node from the network: its peers and its clients lose it at once; its AMQP port refuses connections.</summary>
    public Task DisconnectAsync(int node) =>
        _docker.Networks.DisconnectNetworkAsync(_network.Name, new NetworkDisconnectParameters { Container = _nodes[node].Id, Force = true });

    public Task ReconnectAsync(int node) =>
        _docker.Networks.ConnectNetworkAsync(_network.Name, new NetworkConnectParameters
        {
            Container = _nodes[node].Id,
            EndpointConfig = new EndpointSettings { Aliases = [Hostnames[node]] },
        });

    /// <summary>Freezes a node's processes (the cgroup freezer): its sockets stay open and say nothing.</summary>
    public Task PauseAsync(int node) => _docker.Containers.PauseContainerAsync(_nodes[node].Id);

    public Task UnpauseAsync(int node) => _docker.Containers.UnpauseContainerAsync(_nodes[node].Id);

    /// <summary>Waits until every node runs the RabbitMQ application again, in one cluster.</summary>
    public async Task AwaitHealedAsync(TimeSpan limit)
    {
        using var deadline = new CancellationTokenSource(limit);
        while (true)
        {
            try
            {
                var running = await RabbitMqCtlAsync("-q", "eval", "length(rabbit_nodes:all_running()).");
                if (running.Trim() == _nodes.Count.ToString()) return;
            }
            catch (InvalidOperationException) { }
            if (deadline.IsCancellationRequested) throw new TimeoutException($"The cluster did not heal within {limit}:\n{await StatusAsync()}");
            await Task.Delay(1000);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes) await node.DisposeAsync();
        await _network.DeleteAsync();
        _docker.Dispose();
    }

    private static async Task<string> Exec(RabbitMqContainer node, params string[] args)
    {
        var result = await node.ExecAsync(["rabbitmqctl", .. args]);
        if (result.ExitCode != 0) throw new InvalidOperationException($"rabbitmqctl {string.Join(' ', args)} failed: {result.Stderr}{result.Stdout}");
        return result.Stdout;
    }
}
