using RabbitMQ.Client;

namespace Lapor.EndToEnd.Tests.Infrastructure;

/// <summary>A RabbitMQ virtual host of a test's own, so runs and fixtures never share queues. Made with rabbitmqctl, on this machine or in the broker's container.</summary>
public sealed class RabbitMqVirtualHost : IAsyncDisposable
{
    public string Name { get; } = TestEnvironment.UniqueName("lapor-test");

    public static async Task<RabbitMqVirtualHost> CreateAsync()
    {
        var vhost = new RabbitMqVirtualHost();
        await RabbitMqCtl("add_vhost", vhost.Name);
        await RabbitMqCtl("set_permissions", "-p", vhost.Name, "guest", ".*", ".*", ".*");
        return vhost;
    }

    public string Uri(int? port = null) => $"amqp://guest:guest@{TestEnvironment.RabbitMqHost}:{port ?? TestEnvironment.RabbitMqPort}/{Name}";

    public async ValueTask DisposeAsync() => await RabbitMqCtl("delete_vhost", Name);

    /// <summary>Every queue with its ready and unacknowledged messages and its consumers, for failure messages.</summary>
    public Task<string> QueuesAsync() =>
        RabbitMqCtl("list_queues", "-q", "-p", Name, "name", "messages_ready", "messages_unacknowledged", "consumers");

    /// <summary>
    /// Messages not yet delivered to a consumer, summed over the named queues; read over AMQP (a passive declare),
    /// cheap enough to poll, unlike rabbitmqctl, which starts an Erlang VM each time.
    /// </summary>
    public async Task<long> ReadyAsync(IEnumerable<string> queues)
    {
        await using var connection = await new ConnectionFactory { Uri = new Uri(Uri()) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var ready = 0L;
        foreach (var queue in queues) ready += (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
        return ready;
    }

    private static Task<string> RabbitMqCtl(params string[] args) => TestServers.RabbitMqCtlAsync(args);
}
