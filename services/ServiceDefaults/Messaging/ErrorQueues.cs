using System.Text;
using Microsoft.Extensions.Configuration;
using RabbitMQ.Client;

namespace Lapor.ServiceDefaults.Messaging;

/// <summary>A message parked in an error queue, with the exception that put it there.</summary>
public sealed record FailedMessage(string? MessageId, string? MessageType, string? CorrelationId, string? ExceptionType, string? ExceptionMessage,
    string? FaultedAt);

/// <summary>How many messages wait in a service's queue and in its error queue.</summary>
public sealed record QueueDepth(string Queue, uint Ready, uint Failed);

/// <summary>
/// The operator's view of a service's RabbitMQ queues: depths, the messages in the error queue (with the
/// exception MassTransit recorded), and re-driving them to the queue they failed in once the cause is fixed
/// — or discarding them. Works on the broker directly, with the service's own connection string.
/// </summary>
public sealed class ErrorQueues(IConfiguration configuration)
{
    public const string ErrorSuffix = "_error";

    public bool Available => BusExtensions.TransportFrom(configuration) == BusTransport.RabbitMq;

    public async Task<QueueDepth> DepthAsync(string queue, CancellationToken cancellationToken)
    {
        await using var session = await OpenAsync(cancellationToken);
        return new(queue, await CountAsync(session, queue, cancellationToken), await CountAsync(session, queue + ErrorSuffix, cancellationToken));
    }

    /// <summary>
    /// Messages ready in a queue; 0 for a queue that does not exist (MassTransit makes the error queue at the first
    /// failure). Asked on a channel of its own, since the broker closes the channel that asks about a missing queue.
    /// </summary>
    private static async Task<uint> CountAsync(Session session, string queue, CancellationToken cancellationToken)
    {
        await using var channel = await session.Connection.CreateChannelAsync(cancellationToken: cancellationToken);
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue, cancellationToken)).MessageCount;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == 404)
        {
            return 0;
        }
    }

    /// <summary>Reads up to <paramref name="limit"/> failed messages without removing them (they are returned unacknowledged).</summary>
    public async Task<IReadOnlyList<FailedMessage>> ListAsync(string queue, int limit, CancellationToken cancellationToken)
    {
        await using var session = await OpenAsync(cancellationToken);
        if (await CountAsync(session, queue + ErrorSuffix, cancellationToken) == 0) return [];
        var channel = session.Channel;
        var messages = new List<FailedMessage>();
        while (messages.Count < limit && await channel.BasicGetAsync(queue + ErrorSuffix, autoAck: false, cancellationToken) is { } got)
            messages.Add(Describe(got.BasicProperties));
        // Closing the channel returns every unacknowledged message to the queue, in order.
        return messages;
    }

    /// <summary>Moves every failed message (or only those with the given ids) back to the queue it failed in; returns how many.</summary>
    public Task<int> RedriveAsync(string queue, IReadOnlySet<string>? messageIds, CancellationToken cancellationToken) =>
        DrainAsync(queue, messageIds, republish: true, cancellationToken);

    /// <summary>Deletes every failed message (or only those with the given ids); returns how many.</summary>
    public Task<int> DiscardAsync(string queue, IReadOnlySet<string>? messageIds, CancellationToken cancellationToken) =>
        DrainAsync(queue, messageIds, republish: false, cancellationToken);

    private async Task<int> DrainAsync(string queue, IReadOnlySet<string>? messageIds, bool republish, CancellationToken cancellationToken)
    {
        await using var session = await OpenAsync(cancellationToken, confirms: true);
        var channel = session.Channel;
        var errorQueue = queue + ErrorSuffix;
        var depth = await CountAsync(session, errorQueue, cancellationToken);
        var moved = 0;
        // Look at each message present now once; skipped ones go back at the end (closing the channel).
        for (var seen = 0; seen < depth && await channel.BasicGetAsync(errorQueue, autoAck: false, cancellationToken) is { } got; seen++)
        {
            if (messageIds is not null && !messageIds.Contains(got.BasicProperties.MessageId ?? "")) continue;
            if (republish)
            {
                var properties = new BasicProperties(got.BasicProperties) { Headers = WithoutFault(got.BasicProperties.Headers) };
                await channel.BasicPublishAsync("", queue, mandatory: true, properties, got.Body, cancellationToken);
            }
            await channel.BasicAckAsync(got.DeliveryTag, multiple: false, cancellationToken);
            moved++;
        }
        return moved;
    }

    private async Task<Session> OpenAsync(CancellationToken cancellationToken, bool confirms = false)
    {
        var connection = await RabbitMqAddress.ConnectAsync(configuration, "lapor-error-queues", cancellationToken);
        return new Session(connection, await connection.CreateChannelAsync(new CreateChannelOptions(confirms, confirms), cancellationToken));
    }

    private sealed record Session(IConnection Connection, IChannel Channel) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Channel.DisposeAsync();
            await Connection.DisposeAsync();
        }
    }

    private static Dictionary<string, object?> WithoutFault(IDictionary<string, object?>? headers) =>
        (headers ?? new Dictionary<string, object?>()).Where(h => !h.Key.StartsWith("MT-Fault", StringComparison.Ordinal) && h.Key != "MT-Reason")
            .ToDictionary(h => h.Key, h => h.Value);

    private static FailedMessage Describe(IReadOnlyBasicProperties properties)
    {
        string? Header(string name) => properties.Headers?.TryGetValue(name, out var value) == true
            ? value switch { byte[] bytes => Encoding.UTF8.GetString(bytes), null => null, _ => value.ToString() }
            : null;
        return new FailedMessage(properties.MessageId, Header("MT-Fault-MessageType") ?? properties.Type, properties.CorrelationId,
            Header("MT-Fault-ExceptionType"), Header("MT-Fault-Message"), Header("MT-Fault-Timestamp"));
    }
}
