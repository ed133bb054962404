using System.Text;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace Lapor.ServiceDefaults.Messaging;

/// <summary>
/// Faults the reliability suite injects into a real process, honoured only in the Testing environment:
/// <c>Lapor:Faults:PoisonText</c> makes this service's consumers throw for every message whose body contains
/// the text (a poison report); <c>Lapor:Faults:PublishTwice</c> makes the outbox publish every event twice.
/// </summary>
public sealed record FaultInjection(string? PoisonText, bool PublishTwice)
{
    public static FaultInjection From(WebApplicationBuilder builder) =>
        builder.Environment.EnvironmentName == "Testing"
            ? new FaultInjection(builder.Configuration["Lapor:Faults:PoisonText"] is { Length: > 0 } text ? text : null,
                builder.Configuration.GetValue("Lapor:Faults:PublishTwice", false))
            : new FaultInjection(null, false);
}

/// <summary>Throws for a message whose serialized body contains the poison text.</summary>
public sealed class PoisonFilter(string poison) : IFilter<ConsumeContext>
{
    private readonly byte[] _needle = Encoding.UTF8.GetBytes(poison);

    public Task Send(ConsumeContext context, IPipe<ConsumeContext> next) =>
        context.ReceiveContext.Body.GetBytes().AsSpan().IndexOf(_needle) >= 0
            ? throw new InvalidOperationException("Injected fault: poison report.")
            : next.Send(context);

    public void Probe(ProbeContext context) => context.CreateFilterScope("poison");
}
