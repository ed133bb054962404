using RabbitMQ.Client;

namespace Lapor.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A RabbitMQ virtual host of a test's own, so runs and fixtures never share queues. Made with rabbitmqctl, on this
/// machine or in the broker's container; on the shared broker unless another (a cluster) is given.
/// </summary>
public sealed class RabbitMqVirtualHost : IAsyncDisposable
{
    private readonly Broker _broker;

    private RabbitMqVirtualHost(Broker broker) => _broker = broker;

    public string Name { get; } = TestEnvironment.UniqueName("lapor-test");

    public static async Task<RabbitMqVirtualHost> CreateAsync(Broker? broker = null)
    {
        var vhost = new RabbitMqVirtualHost(broker ?? Broker.Shared);
        await vhost.RabbitMqCtl("add_vhost", vhost.Name);
        await vhost.RabbitMqCtl("set_permissions", "-p", vhost.Name, "guest", ".*", ".*", ".*");
        return vhost;
    }

    public string Uri(int? port = null) => $"amqp://guest:guest@{_broker.Host}:{port ?? _broker.Port}/{Name}";

    public async ValueTask DisposeAsync() => await RabbitMqCtl("delete_vhost", Name);

    /// <summary>Every queue with its ready and unacknowledged messages and its consumers, for failure messages.</summary>
    public Task<string> QueuesAsync() =>
        RabbitMqCtl("list_queues", "-q", "-p", Name, "name", "messages_ready", "messages_unacknowledged", "consumers");

    /// <summary>Each queue's name and type (classic or quorum) and, for a quorum queue, the nodes holding a replica.</summary>
    public async Task<IReadOnlyList<(string Name, string Type, string Members)>> QueueTypesAsync() =>
        (await RabbitMqCtl("list_queues", "-q", "--no-table-headers", "-p", Name, "name", "type", "members"))
        .Split('\n', StringSplitOptions.RemoveEmptyEntries)
        .Select(line => line.Split('\t'))
        .Select(columns => (columns[0], columns[1], columns.Length > 2 ? columns[2] : ""))
        .ToList();

    /// <summary>
    /// Messages not yet delivered to a consumer, summed over the named queues; read over AMQP (a passive declare),
    /// cheap enough to poll, unlike rabbitmqctl, which starts an Erlang VM each time.
    /// </summary>
    public async Task<long> ReadyAsync(IEnumerable<string> queues)
    {
        await using var connection = await new ConnectionFactory { Uri = new Uri(Uri()) }
            .CreateConnectionAsync(_broker.Ports.Select(port => new AmqpTcpEndpoint(_broker.Host, port)).ToList());
        await using var channel = await connection.CreateChannelAsync();
        var ready = 0L;
        foreach (var queue in queues) ready += (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
        return ready;
    }

    private Task<string> RabbitMqCtl(params string[] args) => _broker.RabbitMqCtlAsync(args);
}
