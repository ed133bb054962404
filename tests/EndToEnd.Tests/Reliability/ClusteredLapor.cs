using Lapor.EndToEnd.Tests.Infrastructure;

namespace Lapor.EndToEnd.Tests.Reliability;

/// <summary>
/// Faulty distributed Lapor on a three-node RabbitMQ cluster with quorum queues (<see cref="RabbitMqCluster"/>): each
/// service knows every node (<c>Lapor:Bus:ClusterNodes</c>) and its queues are replicated on all three.
/// </summary>
public sealed class ClusteredLapor : FaultyLapor
{
    public RabbitMqCluster Cluster { get; private set; } = null!;

    protected override IReadOnlyDictionary<string, string> ServiceSettings { get; } =
        new Dictionary<string, string>(FaultSettings) { ["Lapor__Bus__QuorumQueues"] = "true" };

    protected override async Task<Broker> StartBrokerAsync()
    {
        Cluster = await RabbitMqCluster.StartAsync();
        return Cluster.Broker;
    }

    public override async Task<string> DiagnosticsWithQueuesAsync() =>
        $"cluster:\n{await Cluster.StatusAsync()}\n{await base.DiagnosticsWithQueuesAsync()}";

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Cluster is not null) await Cluster.DisposeAsync();
    }
}
