using System.Reflection;
using Lapor.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace Lapor.ServiceDefaults.Tests;

/// <summary>
/// The bus watchdog against a bus that calls itself healthy while an outbox publish waits on the broker for good (a
/// send transport stopped in a broker restart, a connection that never opens): it must restart the bus. Real time: the watchdog looks every 5 s, so this test takes that long.
/// </summary>
public sealed class BusWatchdogTests
{
    /// <summary>An <see cref="IBusControl"/> that is always healthy and records its restarts; nothing else is called.</summary>
    public class RecordingBus : DispatchProxy
    {
        public TaskCompletionSource Restarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public int Stops { get; private set; }

        protected override object? Invoke(MethodInfo? method, object?[]? args)
        {
            switch (method?.Name)
            {
                case nameof(IBusControl.CheckHealth):
                    return BusHealthResult.Healthy("receiving", new Dictionary<string, EndpointHealthResult>());
                case nameof(IBusControl.StopAsync):
                    Stops++;
                    return Task.CompletedTask;
                case nameof(IBusControl.StartAsync):
                    Restarted.TrySetResult();
                    return Task.FromResult<BusHandle>(null!);
                default:
                    throw new NotSupportedException(method?.Name);
            }
        }
    }

    private sealed class Lifetime : IHostApplicationLifetime
    {
        public bool StopRequested { get; private set; }
        public CancellationToken ApplicationStarted => CancellationToken.None;
        public CancellationToken ApplicationStopping => CancellationToken.None;
        public CancellationToken ApplicationStopped => CancellationToken.None;
        public void StopApplication() => StopRequested = true;
    }

    [Fact]
    public async Task A_healthy_bus_whose_outbox_publish_has_waited_for_the_whole_patience_is_restarted()
    {
        var bus = DispatchProxy.Create<IBusControl, RecordingBus>();
        var recorder = (RecordingBus)(object)bus;
        // No patience: the first look after the publish began restarts; the next look (5 s later) would stop the process, so the
        // test stops the watchdog as soon as the restart is seen.
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Lapor:Bus:WatchdogSeconds"] = "0" })
            .Build();
        var publishing = new PublishHealth(TimeProvider.System);
        using var stuck = publishing.Begin();
        var lifetime = new Lifetime();
        await using var queues = new BrokerQueues(configuration, NullLogger<BrokerQueues>.Instance);
        using var watchdog = new BusWatchdog(bus, queues, publishing, configuration, lifetime, TimeProvider.System, NullLogger<BusWatchdog>.Instance);

        await watchdog.StartAsync(CancellationToken.None);
        try
        {
            await recorder.Restarted.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            await watchdog.StopAsync(CancellationToken.None);
        }

        Assert.Equal(1, recorder.Stops);
        Assert.False(lifetime.StopRequested);
    }
}
