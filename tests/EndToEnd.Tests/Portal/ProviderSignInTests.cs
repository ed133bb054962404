using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lapor.EndToEnd.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.EndToEnd.Tests.Portal;

/// <summary>Staff sign in through their agency's OpenID Connect provider (code flow with PKCE) and land in their inbox.</summary>
public sealed class ProviderSignInTests : IAsyncLifetime
{
    private readonly OidcProvider _provider = new("officer", "35.78.dpupr");
    private readonly EmbeddedLaporFactory _lapor = new();

    public async Task InitializeAsync()
    {
        await _provider.StartAsync();
        _lapor.Settings["Lapor:Auth:Authority"] = _provider.Authority;
        _lapor.Settings["Lapor:Auth:Audience"] = "lapor";
        _lapor.Settings["Lapor:Portal:Oidc:ClientId"] = OidcProvider.ClientId;
        // On a real port, so the portal can call the host's own APIs.
        _lapor.UseKestrel(0);
        _lapor.StartServer();
    }

    /// <summary>A browser: its own cookies, and redirects seen one at a time.</summary>
    private HttpClient Browser(CookieContainer? cookies = null) => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = cookies ?? new() })
    {
        BaseAddress = Address,
    };

    private Uri Address => new(_lapor.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    [Fact]
    public async Task An_officer_signs_in_at_the_provider_and_reaches_the_inbox_and_a_forged_callback_gets_nothing()
    {
        var cookies = new CookieContainer();
        var browser = Browser(cookies);
        var signIn = await (await browser.GetAsync("/masuk?kembali=/meja")).Content.ReadAsStringAsync();
        Assert.Contains("/masuk/oidc?kembali=%2Fmeja", signIn);
        Assert.DoesNotContain("name=\"Role\"", signIn); // no development role picker once a provider is configured

        var toProvider = await browser.GetAsync("/masuk/oidc?kembali=%2Fmeja");
        Assert.Equal(HttpStatusCode.Redirect, toProvider.StatusCode);
        Assert.StartsWith(_provider.Authority + "/authorize?", toProvider.Headers.Location!.ToString());
        Assert.Contains("code_challenge_method=S256", toProvider.Headers.Location!.ToString());

        using var provider = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var back = (await provider.GetAsync(toProvider.Headers.Location)).Headers.Location!;
        var landed = await browser.GetAsync(back.PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, landed.StatusCode);
        Assert.Equal("/meja", landed.Headers.Location!.ToString());
        Assert.Equal(1, _provider.TokensIssued);

        var inbox = await browser.GetAsync("/meja");
        Assert.Equal(HttpStatusCode.OK, inbox.StatusCode);
        var page = await inbox.Content.ReadAsStringAsync();
        Assert.Contains("Petugas Uji OIDC", page); // the provider's name claim, shown by the sign-out button
        Assert.Contains("Kotak masuk instansi", page);
        // The session holds the provider's token, which the services themselves accept.
        var api = new HttpClient { BaseAddress = Address };
        api.DefaultRequestHeaders.Authorization = new("Bearer", cookies.GetCookies(Address)["lapor_session"]!.Value);
        var inboxApi = await api.GetFromJsonAsync<JsonElement>("/api/desk/inbox");
        Assert.Equal("35.78.dpupr", inboxApi.GetProperty("agencyId").GetString());

        // A callback this browser did not start (another state) signs nobody in.
        var stranger = Browser();
        var forged = await stranger.GetAsync(back.PathAndQuery);
        Assert.Equal("/masuk?gagal=state", forged.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.Redirect, (await stranger.GetAsync("/meja")).StatusCode);
        Assert.Equal(1, _provider.TokensIssued);
    }

    public async Task DisposeAsync()
    {
        await _lapor.DisposeAsync();
        await _provider.DisposeAsync();
    }
}
