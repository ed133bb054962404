using Microsoft.AspNetCore.DataProtection;
using Lapor.Portal.Api;
using Lapor.Portal.SignIn;
using Lapor.Portal.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Lapor.Portal;

/// <summary>Mounts the web portal in a host: the gateway, or the embedded one-process Lapor.</summary>
public static class PortalExtensions
{
    public static WebApplicationBuilder AddLaporPortal(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<PortalOptions>(builder.Configuration.GetSection("Lapor:Portal"));
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<PortalOptions>>().Value);
        builder.Services.AddSingleton<ApiAddress>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<PortalText>();
        builder.Services.AddTransient<CallerForwardingHandler>();
        // Antiforgery tokens must validate on every replica of the gateway: share the key ring when one is configured.
        if (builder.Configuration["Lapor:DataProtection:KeysDirectory"] is { Length: > 0 } keys)
            builder.Services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.GetFullPath(keys)));
        builder.Services.AddRazorPages(options =>
        {
            options.Conventions.AuthorizeFolder("/Desk", PortalPolicies.Desk);
            options.Conventions.AuthorizeFolder("/Verification", PortalPolicies.Verifier);
            options.Conventions.AuthorizeFolder("/Oversight", PortalPolicies.Oversight);
            options.Conventions.AuthorizePage("/MyReports", PortalPolicies.Citizen);
        });
        builder.Services.AddAuthorizationBuilder().AddPortalPolicies();

        builder.Services.AddHttpClient(nameof(OidcSignIn), client => client.Timeout = TimeSpan.FromSeconds(10));
        AddClient<CitizenClient>(builder.Services);
        AddClient<StaffClient>(builder.Services);
        return builder;
    }

    public static WebApplication MapLaporPortal(this WebApplication app)
    {
        app.MapRazorPages();
        app.MapPortalAssets();
        app.MapLanguageSwitch();
        app.MapOidcSignIn();
        return app;
    }

    private static void AddClient<TClient>(IServiceCollection services) where TClient : class =>
        services.AddHttpClient<TClient>((sp, client) =>
            {
                client.BaseAddress = sp.GetRequiredService<ApiAddress>().Value;
                client.Timeout = Timeout.InfiniteTimeSpan; // the resilience handler times each attempt
            })
            .AddPortalResilience()
            .AddHttpMessageHandler<CallerForwardingHandler>();
}
