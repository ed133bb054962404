using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Lapor.ServiceDefaults.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.Portal.SignIn;

/// <summary>
/// Staff sign-in through the agencies' OpenID Connect provider: the authorization code flow with PKCE. The portal
/// sends the browser to the provider (<c>/masuk/oidc</c>), takes the code back at <c>/masuk/callback</c>, exchanges
/// it for an access token and keeps that token in the same HttpOnly session cookie the development sign-in uses;
/// the gateway and every service then validate it against <c>Lapor:Auth:Authority</c> on each call. The state,
/// the PKCE verifier and the page to return to travel in a short-lived, data-protected cookie.
/// Settings: <c>Lapor:Auth:Authority</c>, <c>Lapor:Portal:Oidc:ClientId</c>, optional <c>ClientSecret</c> and <c>Scope</c>.
/// </summary>
public static class OidcSignIn
{
    public const string StartPath = "/masuk/oidc", CallbackPath = "/masuk/callback";
    private const string FlowCookie = "lapor_oidc";
    private static readonly TimeSpan FlowLifetime = TimeSpan.FromMinutes(10);

    public sealed record Settings(string Authority, string ClientId, string? ClientSecret, string Scope)
    {
        public static Settings? Read(IConfiguration configuration) =>
            configuration["Lapor:Auth:Authority"] is { Length: > 0 } authority && configuration["Lapor:Portal:Oidc:ClientId"] is { Length: > 0 } client
                ? new Settings(authority.TrimEnd('/'), client, configuration["Lapor:Portal:Oidc:ClientSecret"], configuration["Lapor:Portal:Oidc:Scope"] ?? "openid profile")
                : null;
    }

    private sealed record Flow(string State, string Verifier, string ReturnTo);

    private sealed record ProviderMetadata(string AuthorizationEndpoint, string TokenEndpoint);

    public static bool Enabled(IConfiguration configuration) => Settings.Read(configuration) is not null;

    public static IEndpointRouteBuilder MapOidcSignIn(this IEndpointRouteBuilder app)
    {
        app.MapGet(StartPath, Start).ExcludeFromDescription();
        app.MapGet(CallbackPath, Callback).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> Start(HttpContext http, IConfiguration configuration, IHttpClientFactory clients, IDataProtectionProvider protection,
        string? kembali, CancellationToken cancellationToken)
    {
        if (Settings.Read(configuration) is not { } settings) return Results.NotFound();
        var provider = await MetadataAsync(clients, settings, cancellationToken);
        var flow = new Flow(Random(), Random(), PortalAssets.IsLocal(kembali) ? kembali! : "/meja");
        PortalCookies.Set(http, FlowCookie, Protector(protection).Protect(JsonSerializer.Serialize(flow), FlowLifetime), FlowLifetime);
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(flow.Verifier)));
        return Results.Redirect(QueryHelpers.AddQueryString(provider.AuthorizationEndpoint, new Dictionary<string, string?>
        {
            ["response_type"] = "code", ["client_id"] = settings.ClientId, ["redirect_uri"] = RedirectUri(http), ["scope"] = settings.Scope,
            ["state"] = flow.State, ["code_challenge"] = challenge, ["code_challenge_method"] = "S256",
        }));
    }

    private static async Task<IResult> Callback(HttpContext http, IConfiguration configuration, IHttpClientFactory clients, IDataProtectionProvider protection,
        string? code, string? state, string? error, CancellationToken cancellationToken)
    {
        if (Settings.Read(configuration) is not { } settings) return Results.NotFound();
        var flow = ReadFlow(http, protection);
        http.Response.Cookies.Delete(FlowCookie);
        // A missing or foreign state means this callback was not started here (or took too long): start again.
        if (flow is null || state is null || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(state), Encoding.UTF8.GetBytes(flow.State)))
            return Results.Redirect(PortalSession.SignInPath + "?gagal=state");
        if (error is not null || code is null) return Results.Redirect(PortalSession.SignInPath + "?gagal=provider");

        var provider = await MetadataAsync(clients, settings, cancellationToken);
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = RedirectUri(http),
            ["client_id"] = settings.ClientId, ["code_verifier"] = flow.Verifier,
        };
        if (settings.ClientSecret is { Length: > 0 } secret) form["client_secret"] = secret;
        using var response = await clients.CreateClient(nameof(OidcSignIn)).PostAsync(provider.TokenEndpoint, new FormUrlEncodedContent(form), cancellationToken);
        if (!response.IsSuccessStatusCode) return Results.Redirect(PortalSession.SignInPath + "?gagal=token");
        using var tokens = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(cancellationToken));
        if (!tokens.RootElement.TryGetProperty("access_token", out var access) || access.GetString() is not { Length: > 0 } token)
            return Results.Redirect(PortalSession.SignInPath + "?gagal=token");
        var lifetime = tokens.RootElement.TryGetProperty("expires_in", out var expires) && expires.TryGetInt32(out var seconds) ? seconds : 300;
        PortalCookies.Set(http, PortalSession.Cookie, token, TimeSpan.FromSeconds(lifetime), SameSiteMode.Strict);
        return Results.Redirect(flow.ReturnTo);
    }

    private static Flow? ReadFlow(HttpContext http, IDataProtectionProvider protection)
    {
        if (http.Request.Cookies[FlowCookie] is not { Length: > 0 } sealedFlow) return null;
        try
        {
            return JsonSerializer.Deserialize<Flow>(Protector(protection).Unprotect(sealedFlow, out _));
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <summary>The provider's endpoints from its discovery document, read once per process.</summary>
    private static async Task<ProviderMetadata> MetadataAsync(IHttpClientFactory clients, Settings settings, CancellationToken cancellationToken)
    {
        if (_metadata is { } known && known.Authority == settings.Authority) return known.Metadata;
        using var document = JsonDocument.Parse(await clients.CreateClient(nameof(OidcSignIn))
            .GetStreamAsync(settings.Authority + "/.well-known/openid-configuration", cancellationToken));
        var metadata = new ProviderMetadata(document.RootElement.GetProperty("authorization_endpoint").GetString()!,
            document.RootElement.GetProperty("token_endpoint").GetString()!);
        _metadata = new KnownProvider(settings.Authority, metadata);
        return metadata;
    }

    private sealed record KnownProvider(string Authority, ProviderMetadata Metadata);

    /// <summary>Replaced whole (a reference), so a reader never sees half of an update.</summary>
    private static volatile KnownProvider? _metadata;

    private static string RedirectUri(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}{CallbackPath}";

    private static ITimeLimitedDataProtector Protector(IDataProtectionProvider protection) => protection.CreateProtector("Lapor.Portal.OidcSignIn").ToTimeLimitedDataProtector();

    private static string Random() => Base64Url(RandomNumberGenerator.GetBytes(32));

    private static string Base64Url(byte[] bytes) => WebEncoders.Base64UrlEncode(bytes);
}
