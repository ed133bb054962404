using Lapor.ServiceDefaults.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.ServiceDefaults.Messaging;

internal static class OutboxExtensions
{
    public static IServiceCollection AddOutbox<TContext>(this IServiceCollection services) where TContext : ServiceDbContext
    {
        services.AddSingleton<OutboxSignal<TContext>>();
        services.AddSingleton<OutboxSignalInterceptor<TContext>>();
        services.AddHostedService<OutboxDispatcher<TContext>>();
        return services;
    }
}
