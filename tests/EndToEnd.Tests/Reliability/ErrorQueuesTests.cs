using System.Text;
using Lapor.EndToEnd.Tests.Infrastructure;
using Lapor.ServiceDefaults.Messaging;
using Microsoft.Extensions.Configuration;
using RabbitMQ.Client;

namespace Lapor.EndToEnd.Tests.Reliability;

/// <summary>The operator's error-queue tool on the real RabbitMQ: list, discard some, re-drive the rest.</summary>
public sealed class ErrorQueuesTests : IAsyncLifetime
{
    private const string Queue = "triage-complaints";
    private RabbitMqVirtualHost _vhost = null!;
    private IConnection _connection = null!;
    private IChannel _channel = null!;

    public async Task InitializeAsync()
    {
        _vhost = await RabbitMqVirtualHost.CreateAsync();
        _connection = await new ConnectionFactory { Uri = new Uri(_vhost.Uri()) }.CreateConnectionAsync();
        _channel = await _connection.CreateChannelAsync();
        await _channel.QueueDeclareAsync(Queue, durable: true, exclusive: false, autoDelete: false);
        await _channel.QueueDeclareAsync(Queue + ErrorQueues.ErrorSuffix, durable: true, exclusive: false, autoDelete: false);
        foreach (var id in new[] { "m-1", "m-2", "m-3" })
        {
            var properties = new BasicProperties
            {
                MessageId = id,
                Persistent = true,
                Headers = new Dictionary<string, object?>
                {
                    ["MT-Fault-ExceptionType"] = "System.InvalidOperationException",
                    ["MT-Fault-Message"] = Encoding.UTF8.GetBytes($"failed {id}"),
                    ["MT-Reason"] = "fault",
                    ["Lapor-Kept"] = "yes",
                },
            };
            await _channel.BasicPublishAsync("", Queue + ErrorQueues.ErrorSuffix, mandatory: true, properties, Encoding.UTF8.GetBytes($"{{\"id\":\"{id}\"}}"));
        }
    }

    [Fact]
    public async Task Failed_messages_are_listed_with_their_exception_then_discarded_or_redriven_without_fault_headers()
    {
        var errorQueues = new ErrorQueues(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Lapor:Transport"] = "RabbitMq",
            ["ConnectionStrings:rabbitmq"] = _vhost.Uri(),
        }).Build());

        var listed = await errorQueues.ListAsync(Queue, 10, CancellationToken.None);
        Assert.Equal(["m-1", "m-2", "m-3"], listed.Select(m => m.MessageId));
        Assert.Equal("failed m-2", listed[1].ExceptionMessage);
        Assert.Equal(new QueueDepth(Queue, 0, 3), await errorQueues.DepthAsync(Queue, CancellationToken.None));

        Assert.Equal(1, await errorQueues.DiscardAsync(Queue, new HashSet<string> { "m-2" }, CancellationToken.None));
        Assert.Equal(new QueueDepth(Queue, 0, 2), await errorQueues.DepthAsync(Queue, CancellationToken.None));

        Assert.Equal(2, await errorQueues.RedriveAsync(Queue, null, CancellationToken.None));
        Assert.Equal(new QueueDepth(Queue, 2, 0), await errorQueues.DepthAsync(Queue, CancellationToken.None));

        var redriven = new List<BasicGetResult>();
        while (await _channel.BasicGetAsync(Queue, autoAck: true) is { } got) redriven.Add(got);
        Assert.Equal(["m-1", "m-3"], redriven.Select(m => m.BasicProperties.MessageId));
        Assert.All(redriven, m =>
        {
            Assert.DoesNotContain(m.BasicProperties.Headers!.Keys, key => key.StartsWith("MT-Fault", StringComparison.Ordinal) || key == "MT-Reason");
            Assert.True(m.BasicProperties.Headers!.ContainsKey("Lapor-Kept"));
        });
        Assert.Equal("{\"id\":\"m-3\"}", Encoding.UTF8.GetString(redriven[1].Body.Span));
    }

    [Fact]
    public async Task A_service_that_never_failed_has_no_error_queue_yet_and_the_tool_says_zero()
    {
        var errorQueues = new ErrorQueues(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Lapor:Transport"] = "RabbitMq",
            ["ConnectionStrings:rabbitmq"] = _vhost.Uri(),
        }).Build());
        await _channel.QueueDeclareAsync("analytics-complaints", durable: true, exclusive: false, autoDelete: false);

        Assert.Equal(new QueueDepth("analytics-complaints", 0, 0), await errorQueues.DepthAsync("analytics-complaints", CancellationToken.None));
        Assert.Empty(await errorQueues.ListAsync("analytics-complaints", 10, CancellationToken.None));
        Assert.Equal(0, await errorQueues.RedriveAsync("analytics-complaints", null, CancellationToken.None));
    }

    public async Task DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
        await _vhost.DisposeAsync();
    }
}
