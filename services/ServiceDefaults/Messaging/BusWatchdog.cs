using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Lapor.ServiceDefaults.Messaging;

/// <summary>
/// Restarts the bus when a receive endpoint stays faulted. After a broker restart MassTransit 8.4 sometimes
/// leaves a consumer's receive transport faulted for good (a known MassTransit/RabbitMQ.Client race when an
/// acknowledgement fails mid-message): messages then wait in the queue, safe but unconsumed, until the process
/// restarts. The watchdog does that restart for the bus alone once it has been unhealthy for
/// <c>Lapor:Bus:WatchdogSeconds</c> (default 30) in a row. Outboxes keep their rows meanwhile; nothing is lost.
/// </summary>
public sealed class BusWatchdog(IBusControl bus, IConfiguration configuration, TimeProvider clock, ILogger<BusWatchdog> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var patience = TimeSpan.FromSeconds(configuration.GetValue("Lapor:Bus:WatchdogSeconds", 30));
        DateTimeOffset? unhealthySince = null;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(5), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var health = bus.CheckHealth();
            if (health.Status == BusHealthStatus.Healthy)
            {
                unhealthySince = null;
                continue;
            }
            unhealthySince ??= clock.GetUtcNow();
            if (clock.GetUtcNow() - unhealthySince < patience) continue;

            logger.LogWarning("The bus has been {Status} for {Seconds:0} s ({Description}); restarting it.",
                health.Status, (clock.GetUtcNow() - unhealthySince.Value).TotalSeconds, health.Description);
            try
            {
                await bus.StopAsync(stoppingToken);
                await bus.StartAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Restarting the bus failed; trying again later.");
            }
            unhealthySince = null;
        }
    }
}
