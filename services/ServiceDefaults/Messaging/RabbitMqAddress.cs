using Microsoft.Extensions.Configuration;
using RabbitMQ.Client;

namespace Lapor.ServiceDefaults.Messaging;

/// <summary>
/// Where the broker is: <c>ConnectionStrings:rabbitmq</c>, an amqp:// URI (user, password, virtual host, and the host for
/// a single broker), and for a cluster <c>Lapor:Bus:ClusterNodes</c>, its nodes as <c>host[:port]</c> separated by
/// commas — a process then connects to whichever node answers and moves to another when its node goes away. Behind one
/// load-balanced name (Kubernetes' service for the cluster operator's nodes) the URI alone is enough.
/// </summary>
public static class RabbitMqAddress
{
    public static Uri Uri(IConfiguration configuration) =>
        new(configuration.GetConnectionString("rabbitmq") ?? "amqp://guest:guest@localhost:5672/");

    public static IReadOnlyList<string> ClusterNodes(IConfiguration configuration) =>
        (configuration["Lapor:Bus:ClusterNodes"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>
    /// How often each side proves the connection alive (<c>Lapor:Bus:HeartbeatSeconds</c>, default 10): a node that stops
    /// answering without closing its sockets — paused, or cut off by the network — is noticed within two of them.
    /// </summary>
    public static TimeSpan Heartbeat(IConfiguration configuration) =>
        TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Lapor:Bus:HeartbeatSeconds", 10)));

    /// <summary>A connection of the process's own tools (watchdog, error queues) to the broker or any node of the cluster.</summary>
    public static Task<IConnection> ConnectAsync(IConfiguration configuration, string clientName, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory { Uri = Uri(configuration), ClientProvidedName = clientName, RequestedHeartbeat = Heartbeat(configuration) };
        var nodes = ClusterNodes(configuration);
        return nodes.Count == 0
            ? factory.CreateConnectionAsync(cancellationToken)
            : factory.CreateConnectionAsync(nodes.Select(node => AmqpTcpEndpoint.Parse(node)).ToList(), cancellationToken);
    }
}
