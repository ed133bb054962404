using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Lapor.ServiceDefaults.Messaging;

/// <summary>
/// This service's receive queues as the broker sees them. After a broker restart MassTransit can report a healthy
/// bus while one of its queues has no consumer left: messages then wait, safe but unconsumed, and nothing says so.
/// Asking RabbitMQ (a passive declare answers a queue's message and consumer counts) finds such a stranded queue.
/// </summary>
public sealed class BrokerQueues(IConfiguration configuration, ILogger<BrokerQueues> logger) : IAsyncDisposable
{
    private readonly HashSet<string> _names = [];
    private IConnection? _connection;

    /// <summary>Called for every receive endpoint as the bus is configured.</summary>
    public void Add(string queue)
    {
        lock (_names) _names.Add(queue);
    }

    /// <summary>
    /// The queues with messages waiting and no consumer at all; empty when every queue is served or the broker
    /// cannot be asked (a broker that is down is the bus health's business).
    /// </summary>
    public async Task<IReadOnlyList<string>> StrandedAsync(CancellationToken cancellationToken)
    {
        string[] names;
        lock (_names) names = [.. _names];
        var stranded = new List<string>();
        try
        {
            _connection ??= await RabbitMqAddress.ConnectAsync(configuration, "lapor-watchdog", cancellationToken);
            foreach (var name in names)
            {
                // A passive declare of a queue that does not exist (yet) closes its channel: one channel per question.
                await using var channel = await _connection.CreateChannelAsync(cancellationToken: cancellationToken);
                try
                {
                    var queue = await channel.QueueDeclarePassiveAsync(name, cancellationToken);
                    if (queue.MessageCount > 0 && queue.ConsumerCount == 0) stranded.Add(name);
                }
                catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == 404)
                {
                    // Not declared yet: the bus declares it when the endpoint starts.
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogDebug(e, "Could not ask the broker about this service's queues.");
            await DisposeAsync();
            return [];
        }
        return stranded;
    }

    public async ValueTask DisposeAsync()
    {
        var connection = Interlocked.Exchange(ref _connection, null);
        if (connection is null) return;
        try { await connection.DisposeAsync(); }
        catch (Exception e) { logger.LogDebug(e, "Closing the watchdog's broker connection failed."); }
    }
}
