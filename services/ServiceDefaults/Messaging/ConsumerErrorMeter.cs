using Lapor.ServiceDefaults.Telemetry;
using MassTransit;

namespace Lapor.ServiceDefaults.Messaging;

/// <summary>
/// Counts every failed delivery attempt on a receive endpoint (<c>lapor.consumer.errors</c>, tagged with the
/// endpoint and the exception type, never the message) and lets the exception go on to the retry policy.
/// </summary>
public sealed class ConsumerErrorMeter(string endpoint) : IFilter<ConsumeContext>
{
    public async Task Send(ConsumeContext context, IPipe<ConsumeContext> next)
    {
        try
        {
            await next.Send(context);
        }
        catch (Exception exception)
        {
            LaporTelemetry.ConsumerErrors.Add(1,
                new KeyValuePair<string, object?>("endpoint", endpoint),
                new KeyValuePair<string, object?>("exception", exception.GetType().Name));
            throw;
        }
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("consumerErrorMeter");
}
