using Lapor.ServiceDefaults.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Lapor.ServiceDefaults.Messaging;

internal static class OutboxExtensions
{
    public static IServiceCollection AddOutbox<TContext>(this IServiceCollection services) where TContext : ServiceDbContext
    {
        services.AddSingleton<OutboxSignal<TContext>>();
        services.TryAddSingleton<PublishHealth>();
        services.AddSingleton<OutboxSignalInterceptor<TContext>>();
        services.AddHostedService<OutboxDispatcher<TContext>>();
        services.AddSingleton<MessageRetention<TContext>>();
        services.AddHostedService(sp => sp.GetRequiredService<MessageRetention<TContext>>());
        services.TryAddSingleton(new FaultInjection(null, false)); // AddLaporBus adds the configured one, which wins

        return services;
    }
}
