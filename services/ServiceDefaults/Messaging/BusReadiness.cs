using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Lapor.ServiceDefaults.Messaging;

/// <summary>Waits until a bus has started and every receive endpoint it hosts is ready to consume.</summary>
public static class BusReadiness
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Returns once the bus reports itself healthy. Without a broker that may take long: the wait is logged once a
    /// minute and has no end, because publishing into a bus that cannot deliver would only mark rows sent that no
    /// consumer received.
    /// </summary>
    public static async Task WaitAsync(IBusControl bus, ILogger logger, CancellationToken cancellationToken)
    {
        // Real time, not the service's TimeProvider: tests that stop a fake clock must not stop the bus's start.
        var waited = Stopwatch.StartNew();
        var nextLog = TimeSpan.FromMinutes(1);
        while (bus.CheckHealth().Status != BusHealthStatus.Healthy)
        {
            await Task.Delay(Poll, cancellationToken);
            if (waited.Elapsed >= nextLog)
            {
                logger.LogWarning("The bus is not ready after {Minutes:0} min; events wait in the outbox.", waited.Elapsed.TotalMinutes);
                nextLog += TimeSpan.FromMinutes(1);
            }
        }
    }
}
