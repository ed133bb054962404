using Lapor.Contracts;
using MassTransit;

namespace Lapor.ServiceDefaults.Messaging;

/// <summary>
/// Queue names prefixed with the owning service, so two services' consumers of the same event never share a
/// queue, in one process or many. Every consumer of a report's events (<see cref="IComplaintEvent"/>) in a
/// service shares one queue, <c>&lt;service&gt;-complaints</c>, which the bus partitions by report: one
/// report's events are handled one at a time, in arrival order, while different reports run in parallel.
/// Other consumers get their own queue (<c>Lapor.X.Consumers.FooConsumer</c> → <c>x-foo</c>).
/// </summary>
public sealed class ServiceEndpointNameFormatter() : KebabCaseEndpointNameFormatter(includeNamespace: false)
{
    public const string ComplaintStream = "complaints";

    public override string Consumer<T>()
    {
        var service = SanitizeName(typeof(T).Namespace?.Split('.') is [_, var name, ..] ? name : "lapor");
        return ConsumesComplaintEvents(typeof(T)) ? $"{service}-{ComplaintStream}" : $"{service}-{base.Consumer<T>()}";
    }

    public static bool ConsumesComplaintEvents(Type consumer) =>
        consumer.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IConsumer<>)
                                          && typeof(IComplaintEvent).IsAssignableFrom(i.GetGenericArguments()[0]));
}
