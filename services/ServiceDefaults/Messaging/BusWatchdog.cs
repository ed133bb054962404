using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Lapor.ServiceDefaults.Messaging;

/// <summary>
/// Heals a bus whose receive endpoint stays faulted. After a broker restart MassTransit 8.4 sometimes leaves a
/// consumer's receive transport faulted for good (a known race when an acknowledgement fails mid-message):
/// messages then wait in the queue, safe but unconsumed. Once the bus has been unhealthy for
/// <c>Lapor:Bus:WatchdogSeconds</c> (default 30) in a row the watchdog restarts the bus; if that does not bring
/// it back within the same time, it stops the process with exit code 75 (temporary failure) so that its
/// supervisor (systemd, Docker's restart policy, Kubernetes) starts it afresh. Unacknowledged messages return
/// to the queue and outbox rows wait in the database: nothing is lost either way. A bus that calls itself healthy
/// while one of its queues has messages and no consumer at the broker (<see cref="BrokerQueues"/>) counts as
/// unhealthy too: that is how a consumer lost in a broker restart shows. So does a bus one of whose outbox publishes has
/// waited on the broker for the whole patience (<see cref="PublishHealth"/>): a send transport stopped in a broker
/// restart, or a publish hanging on a connection that never opens.
/// </summary>
public sealed class BusWatchdog(IBusControl bus, BrokerQueues queues, PublishHealth publishing, IConfiguration configuration, IHostApplicationLifetime lifetime,
    TimeProvider clock, ILogger<BusWatchdog> logger) : BackgroundService
{
    public const int ExitCode = 75;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var patience = TimeSpan.FromSeconds(configuration.GetValue("Lapor:Bus:WatchdogSeconds", 30));
        DateTimeOffset? unhealthySince = null;
        var restarted = false;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(5), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var checkedBus = bus.CheckHealth();
            var health = (checkedBus.Status, checkedBus.Description);
            if (health.Status == BusHealthStatus.Healthy && await queues.StrandedAsync(stoppingToken) is { Count: > 0 } stranded)
                health = (BusHealthStatus.Unhealthy, $"no consumer at the broker for {string.Join(", ", stranded)}");
            if (health.Status == BusHealthStatus.Healthy && publishing.WaitingSince is { } waiting && clock.GetUtcNow() - waiting >= patience)
                health = (BusHealthStatus.Unhealthy, $"an outbox publish has waited on the broker since {waiting:HH:mm:ss}");
            if (health.Status == BusHealthStatus.Healthy)
            {
                unhealthySince = null;
                restarted = false;
                continue;
            }
            unhealthySince ??= clock.GetUtcNow();
            if (clock.GetUtcNow() - unhealthySince < patience) continue;

            if (restarted)
            {
                logger.LogCritical("The bus is still {Status} after a restart ({Description}); stopping so the supervisor starts this process afresh.",
                    health.Status, health.Description);
                StopProcess(patience);
                return;
            }
            logger.LogWarning("The bus has been {Status} for {Seconds:0} s ({Description}); restarting it.",
                health.Status, (clock.GetUtcNow() - unhealthySince.Value).TotalSeconds, health.Description);
            try
            {
                // A faulted transport can hold up the bus's own stop for minutes: give the restart the same patience.
                await bus.StopAsync(stoppingToken).WaitAsync(patience, clock, stoppingToken);
                await bus.StartAsync(stoppingToken).WaitAsync(patience, clock, stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogCritical(e, "Restarting the bus failed or took longer than {Seconds:0} s; stopping so the supervisor starts this process afresh.",
                    patience.TotalSeconds);
                StopProcess(patience);
                return;
            }
            restarted = true;
            unhealthySince = clock.GetUtcNow();
        }
    }

    /// <summary>Asks the host to stop with exit code 75; ends the process outright if that stalls longer than <paramref name="patience"/>.</summary>
    private void StopProcess(TimeSpan patience)
    {
        Environment.ExitCode = ExitCode;
        lifetime.StopApplication();
        // A faulted transport can hold up a graceful stop; the supervisor must not wait on it for long.
        _ = Task.Delay(patience, CancellationToken.None).ContinueWith(_ =>
        {
            logger.LogCritical("Graceful stop took longer than {Seconds:0} s; exiting.", patience.TotalSeconds);
            ExitNow();
        }, TaskScheduler.Default);
    }

    /// <summary>
    /// Ends the process without running its exit handlers: <see cref="Environment.Exit"/> would wait in the host's
    /// ProcessExit handler for the very shutdown that is stalled, and hang for good (seen in the fault suite).
    /// </summary>
    private static void ExitNow()
    {
        try
        {
            if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()) ExitImmediately(ExitCode);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // No loadable libc by that name (a system where "libc.so" is a linker script): SIGKILL instead.
        }
        System.Diagnostics.Process.GetCurrentProcess().Kill();
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "_exit")]
    private static extern void ExitImmediately(int status);
}
