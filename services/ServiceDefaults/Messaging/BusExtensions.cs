using MassTransit;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Lapor.ServiceDefaults.Messaging;

public enum BusTransport
{
    InMemory,
    RabbitMq,
}

public static class BusExtensions
{
    /// <summary>
    /// Registers MassTransit with the consumers of every service this process hosts.
    /// <c>Lapor:Transport</c> chooses <c>InMemory</c> (default, one process) or <c>RabbitMq</c>
    /// (<see cref="RabbitMqAddress"/>: one broker or a cluster's nodes). Every receive endpoint retries with exponential
    /// back-off and then moves the message to its <c>_error</c> queue. Outgoing events do not go through here
    /// but through each service's outbox.
    /// </summary>
    public static WebApplicationBuilder AddLaporBus(this WebApplicationBuilder builder, params Action<IBusRegistrationConfigurator>[] consumers)
    {
        var configuration = builder.Configuration;
        var transport = TransportFrom(configuration);
        builder.Services.AddSingleton<ErrorQueues>();
        builder.Services.AddSingleton<BrokerQueues>();
        builder.Services.TryAddSingleton<PublishHealth>();
        var faults = FaultInjection.From(builder);
        builder.Services.AddSingleton(faults);

        builder.Services.AddMassTransit(bus =>
        {
            // MassTransit otherwise reports usage to its project's server at start: Lapor calls only what it is configured to.
            bus.DisableUsageTelemetry();
            bus.SetEndpointNameFormatter(new ServiceEndpointNameFormatter());
            // A service without its broker still accepts work into its outbox: report that as Degraded
            // (still HTTP 200 on /health/ready) so the gateway keeps routing to it; a lost database is Unhealthy.
            bus.ConfigureHealthCheckOptions(options =>
            {
                options.Name = "bus";
                options.MinimalFailureStatus = HealthStatus.Degraded;
                options.Tags.Add("ready");
            });
            foreach (var register in consumers) register(bus);

            var partitions = configuration.GetValue("Lapor:Bus:ConcurrentMessageLimit", 64);
            bus.AddConfigureEndpointsCallback((context, name, endpoint) =>
            {
                context.GetRequiredService<BrokerQueues>().Add(name);
                // A report's events wait for each other (outside the retries, so a retried event keeps its turn);
                // the outbox stamps each with its report's id as CorrelationId.
                if (name.EndsWith("-" + ServiceEndpointNameFormatter.ComplaintStream, StringComparison.Ordinal))
                {
                    endpoint.ConcurrentMessageLimit = partitions;
                    endpoint.UsePartitioner<ConsumeContext>(partitions, context => context.CorrelationId ?? context.MessageId ?? Guid.Empty);
                }
                else
                {
                    // Other streams are small (the agency directory's edits): a few at a time, so a burst of them does
                    // not take a database connection per prefetched message. Two copies of
                    // one message (a republished outbox row) take turns, so the second finds the first in the inbox
                    // instead of racing it to insert the same row.
                    endpoint.ConcurrentMessageLimit = 4;
                    endpoint.UsePartitioner<ConsumeContext>(4, context => context.MessageId ?? Guid.Empty);
                }
                // Once the host is stopping, a failure is not retried: its services are going away, and retrying a
                // message every few seconds would hold the shutdown for minutes. The broker redelivers what was not
                // acknowledged; a failed message goes to the error queue, where the error-queue tool shows it.
                var stopping = context.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
                endpoint.UseMessageRetry(retry =>
                {
                    retry.Handle<Exception>(_ => !stopping.IsCancellationRequested);
                    retry.Exponential(
                        retryLimit: configuration.GetValue("Lapor:Bus:RetryLimit", 5),
                        minInterval: TimeSpan.FromMilliseconds(100),
                        maxInterval: TimeSpan.FromSeconds(10),
                        intervalDelta: TimeSpan.FromMilliseconds(200));
                });
                endpoint.UseFilter(new ConsumerErrorMeter(name));
                if (faults.PoisonText is { } poison) endpoint.UseFilter(new PoisonFilter(poison));
                if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit && configuration.GetValue("Lapor:Bus:QuorumQueues", false))
                    rabbit.SetQuorumQueue();
            });

            if (transport == BusTransport.RabbitMq)
            {
                bus.UsingRabbitMq((context, rabbit) =>
                {
                    rabbit.Host(RabbitMqAddress.Uri(configuration), host =>
                    {
                        host.Heartbeat(RabbitMqAddress.Heartbeat(configuration));
                        if (RabbitMqAddress.ClusterNodes(configuration) is { Count: > 0 } nodes)
                            host.UseCluster(cluster => { foreach (var node in nodes) cluster.Node(node); });
                    });
                    rabbit.PrefetchCount = configuration.GetValue("Lapor:Bus:PrefetchCount", 128);
                    rabbit.ConfigureEndpoints(context);
                });
            }
            else
            {
                bus.UsingInMemory((context, memory) => memory.ConfigureEndpoints(context));
            }
        });

        if (transport == BusTransport.RabbitMq) builder.Services.AddHostedService<BusWatchdog>();

        // Start serving HTTP even when the broker is not up yet; MassTransit keeps reconnecting and /health/ready says so.
        // The in-memory bus has no broker to wait for and starts at once; waiting for it means the host is never
        // stopped while its receive endpoints are still starting (MassTransit then throws inside its shutdown).
        builder.Services.Configure<MassTransitHostOptions>(options =>
        {
            options.WaitUntilStarted = transport == BusTransport.InMemory;
            options.StopTimeout = TimeSpan.FromSeconds(30);
        });
        return builder;
    }

    public static BusTransport TransportFrom(IConfiguration configuration) =>
        Enum.TryParse<BusTransport>(configuration["Lapor:Transport"], ignoreCase: true, out var transport)
            ? transport
            : BusTransport.InMemory;
}
