using Lapor.EndToEnd.Tests.Infrastructure;
using Lapor.ServiceDefaults.Messaging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Lapor.EndToEnd.Tests.Reliability;

/// <summary>The bus watchdog's view of the broker, on the real RabbitMQ: a queue with messages and no consumer is stranded.</summary>
public sealed class BrokerQueuesTests : IAsyncLifetime
{
    private RabbitMqVirtualHost _vhost = null!;
    private IConnection _connection = null!;
    private IChannel _channel = null!;

    public async Task InitializeAsync()
    {
        _vhost = await RabbitMqVirtualHost.CreateAsync();
        _connection = await new ConnectionFactory { Uri = new Uri(_vhost.Uri()) }.CreateConnectionAsync();
        _channel = await _connection.CreateChannelAsync();
        foreach (var queue in new[] { "analytics-complaints", "analytics-agency-changed" })
            await _channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);
        await _channel.BasicPublishAsync("", "analytics-complaints", "{}"u8.ToArray());
    }

    [Fact]
    public async Task A_queue_with_messages_and_no_consumer_is_stranded_until_a_consumer_attaches()
    {
        await using var queues = new BrokerQueues(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:rabbitmq"] = _vhost.Uri(),
        }).Build(), NullLogger<BrokerQueues>.Instance);
        queues.Add("analytics-complaints");
        queues.Add("analytics-agency-changed"); // empty: nothing waits, so nothing is stranded
        queues.Add("analytics-not-declared-yet"); // not there yet: asked, and passed over

        Assert.Equal(["analytics-complaints"], await StrandedEventuallyAsync(queues, expectEmpty: false));

        await _channel.BasicQosAsync(0, 1, false);
        await _channel.BasicConsumeAsync("analytics-complaints", autoAck: false, new AsyncEventingBasicConsumer(_channel));
        Assert.Empty(await StrandedEventuallyAsync(queues, expectEmpty: true));
    }

    [Fact]
    public async Task A_broker_that_cannot_be_asked_strands_nothing_and_throws_nothing()
    {
        await using var queues = new BrokerQueues(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:rabbitmq"] = "amqp://guest:guest@127.0.0.1:1/", // nothing listens there
        }).Build(), NullLogger<BrokerQueues>.Instance);
        queues.Add("analytics-complaints");
        Assert.Empty(await queues.StrandedAsync(CancellationToken.None));
    }

    /// <summary>The broker's counts settle within moments of a publish or a consume; ask until they do.</summary>
    private static async Task<IReadOnlyList<string>> StrandedEventuallyAsync(BrokerQueues queues, bool expectEmpty)
    {
        IReadOnlyList<string> stranded = [];
        for (var attempt = 0; attempt < 50; attempt++)
        {
            stranded = await queues.StrandedAsync(CancellationToken.None);
            if ((stranded.Count == 0) == expectEmpty) break;
            await Task.Delay(100);
        }
        return stranded;
    }

    public async Task DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
        await _vhost.DisposeAsync();
    }
}
