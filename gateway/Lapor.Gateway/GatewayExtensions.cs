using Lapor.ServiceDefaults.OpenApi;

namespace Lapor.Gateway;

/// <summary>The one front door: routes and clusters come from the <c>ReverseProxy</c> configuration section.</summary>
public static class GatewayExtensions
{
    public static WebApplicationBuilder AddGateway(this WebApplicationBuilder builder)
    {
        builder.Services.AddReverseProxy().LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"));
        builder.Services.AddHttpClient(DownstreamHealthCheck.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(3));
        builder.Services.AddHealthChecks().AddCheck<DownstreamHealthCheck>("downstream", tags: ["ready"]);
        builder.Services.AddHttpClient(MergedApiDocument.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(5));
        builder.Services.AddSingleton<IApiDocumentSource, MergedApiDocument>();
        return builder;
    }

    /// <summary>
    /// YARP's own proxy pipeline (session affinity, load balancing, passive health checks) with a refused connection
    /// tried again on another destination (<see cref="RefusedConnectionRetry"/>).
    /// </summary>
    public static WebApplication MapGateway(this WebApplication app)
    {
        app.MapReverseProxy(proxy =>
        {
            proxy.UseMiddleware<RefusedConnectionRetry>();
            proxy.UseSessionAffinity();
            proxy.UseLoadBalancing();
            proxy.UsePassiveHealthChecks();
        });
        return app;
    }
}
