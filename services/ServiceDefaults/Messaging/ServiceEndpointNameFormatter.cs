using MassTransit;

namespace Lapor.ServiceDefaults.Messaging;

/// <summary>
/// Kebab-case queue names prefixed with the owning service (<c>Lapor.AgencyDesk.Consumers.ComplaintRoutedConsumer</c>
/// → <c>agency-desk-complaint-routed</c>), so two services' consumers of the same event never share a queue,
/// in one process or many.
/// </summary>
public sealed class ServiceEndpointNameFormatter() : KebabCaseEndpointNameFormatter(includeNamespace: false)
{
    public override string Consumer<T>()
    {
        var service = typeof(T).Namespace?.Split('.') is [_, var name, ..] ? name : "lapor";
        return $"{SanitizeName(service)}-{base.Consumer<T>()}";
    }
}
