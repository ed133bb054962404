using Lapor.ServiceDefaults.OpenApi;
using Lapor.ServiceDefaults.Problems;
using Lapor.ServiceDefaults.Security;
using Lapor.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Lapor.ServiceDefaults;

public static class HostingExtensions
{
    /// <summary>What every Lapor process has: JSON shape, problem details, health checks, a clock, telemetry.</summary>
    public static WebApplicationBuilder AddLaporDefaults(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<JsonOptions>(options => LaporJson.Configure(options.SerializerOptions));
        // Problems in the caller's language: Bahasa Indonesia, or English with Accept-Language: en.
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
            ProblemLanguage.Localize(context.ProblemDetails, context.HttpContext.Request));
        builder.Services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        // Malformed JSON becomes an exception the handler turns into a 400 naming the field.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.AddHealthChecks();
        // The client's address as the proxy in front saw it (the gateway, the portal, an ingress); only loopback proxies
        // are trusted unless Lapor:Proxy:KnownNetworks lists the deployment's (comma-separated CIDR, e.g. a pod network).
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor;
            foreach (var network in (builder.Configuration["Lapor:Proxy:KnownNetworks"] ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });
        builder.Services.TryAddSingleton(TimeProvider.System);
        // SQL text at Information floods the log of a busy service; failures are still logged.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Warning);
        builder.AddLaporTelemetry();
        builder.AddLaporAuthentication();
        builder.AddLaporOpenApi();
        return builder;
    }

    /// <summary>Error handling and the two health endpoints, mapped in every environment.</summary>
    public static WebApplication UseLaporDefaults(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseResponseHygiene();
        app.UseExceptionHandler();
        app.UseUtf8Requests();
        if (!app.Environment.IsDevelopment() && app.Environment.EnvironmentName != "Testing") app.UseHsts();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = check => check.Tags.Contains("live") });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        app.MapLaporApiReference(); // /openapi/v1.json
        return app;
    }
}
