using Xunit.Abstractions;

namespace Lapor.EndToEnd.Tests.Reliability;

/// <summary>
/// Runs beside the other collections (not alone, as the single-broker fault suite must): its faults touch only its own
/// three broker containers and its own processes, and its scenarios spend most of their time waiting out an outage.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ClusterFaults : ICollectionFixture<ClusteredLapor>
{
    public const string Name = "cluster faults";
}

/// <summary>
/// The fault suite's stream of reports on a three-node RabbitMQ cluster with quorum queues, and one node at a time
/// going wrong: stopped, cut from the network, frozen. The node is the one holding most of the services' connections,
/// so they must move. Every accepted report must still arrive exactly once; after each fault the
/// cluster heals (all three nodes running again) before the next.
/// </summary>
[Collection(ClusterFaults.Name)]
[Trait("Category", "Faults")]
[Trait("Category", "Cluster")]
public sealed class ClusterFaultTests(ClusteredLapor lapor, ITestOutputHelper output) : FaultScenarios<ClusteredLapor>(lapor, output)
{
    private static readonly TimeSpan OutageLength = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan HealLimit = TimeSpan.FromSeconds(120);

    /// <summary>What makes the faults below survivable: every service queue is replicated on all three nodes.</summary>
    [Fact]
    public async Task Every_service_queue_is_a_quorum_queue_on_every_node()
    {
        var queues = (await Lapor.VirtualHost.QueueTypesAsync()).Where(q => !q.Name.EndsWith("_error") && !q.Name.EndsWith("_skipped")).ToList();
        Assert.NotEmpty(queues);
        Assert.All(queues, q =>
        {
            Assert.Equal("quorum", q.Type);
            Assert.All(new[] { "rabbit@rabbit-a", "rabbit@rabbit-b", "rabbit@rabbit-c" }, node => Assert.Contains(node, q.Members));
        });
    }

    [Fact]
    public Task A_node_is_lost_and_comes_back() =>
        OutageAsync("cluster: a node stopped (20 s)", Lapor.Cluster.StopAsync, Lapor.Cluster.StartAsync);

    [Fact]
    public Task A_node_is_cut_from_the_network_and_reconnected() =>
        OutageAsync("cluster: a node partitioned away (20 s)", Lapor.Cluster.DisconnectAsync, Lapor.Cluster.ReconnectAsync);

    [Fact]
    public Task A_node_is_paused_and_resumed() =>
        OutageAsync("cluster: a node paused (20 s)", Lapor.Cluster.PauseAsync, Lapor.Cluster.UnpauseAsync);

    /// <summary>
    /// During the stream: takes the node most of the services are connected to (so the fault moves them), does the fault,
    /// waits, ends it and waits until the cluster has healed.
    /// </summary>
    private Task OutageAsync(string name, Func<int, Task> begin, Func<int, Task> end) => ScenarioAsync(name, async () =>
    {
        var (node, connections) = await Lapor.Cluster.BusiestNodeAsync();
        Assert.True(connections > 0, "the services are connected to the cluster");
        await begin(node);
        await Task.Delay(OutageLength);
        await end(node);
        await Lapor.Cluster.AwaitHealedAsync(HealLimit);
    });
}
