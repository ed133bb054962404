namespace Lapor.EndToEnd.Tests.Infrastructure;

/// <summary>A RabbitMQ the tests run on — one broker, or the nodes of a cluster — and rabbitmqctl against it.</summary>
public sealed record Broker(string Host, IReadOnlyList<int> Ports, Func<string[], Task<string>> RabbitMqCtlAsync)
{
    /// <summary>The broker the other suites share (<see cref="TestServers"/>).</summary>
    public static Broker Shared => new(TestServers.RabbitMqHost, [TestServers.RabbitMqPort], TestServers.RabbitMqCtlAsync);

    public int Port => Ports[0];
    public bool IsCluster => Ports.Count > 1;

    /// <summary><c>Lapor:Bus:ClusterNodes</c> for a service: every node as host:port.</summary>
    public string ClusterNodes => string.Join(',', Ports.Select(port => $"{Host}:{port}"));
}
