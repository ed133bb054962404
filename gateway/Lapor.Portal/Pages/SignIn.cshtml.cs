using Lapor.Portal.Api;
using Lapor.Portal.Text;
using Lapor.ServiceDefaults.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Lapor.Portal.SignIn;

namespace Lapor.Portal.Pages;

/// <summary>
/// Staff sign-in: through the identity provider (<see cref="OidcSignIn"/>) when one is configured; in Development
/// (and the test environment) without one, a role picker that asks the host's <c>/dev/token</c> for a token.
/// The token is kept in an HttpOnly, SameSite=Strict cookie that only the portal's pages read.
/// </summary>
public sealed class SignInModel(PortalText text, StaffClient staff, CitizenClient directory, IWebHostEnvironment environment, IConfiguration configuration)
    : PortalPage(text)
{
    public static readonly string[] Roles = [LaporRoles.Officer, LaporRoles.Supervisor, LaporRoles.Verifier, LaporRoles.Oversight, LaporRoles.Citizen];

    [BindProperty] public string Role { get; set; } = LaporRoles.Officer;
    [BindProperty] public string? Agency { get; set; }
    [BindProperty] public string? Region { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kembali { get; set; }

    /// <summary>Why the last sign-in through the provider failed (<c>state</c>, <c>provider</c>, <c>token</c>), if it did.</summary>
    [BindProperty(SupportsGet = true)] public string? Gagal { get; set; }

    /// <summary>Staff sign in through the identity provider (OpenID Connect) when one is configured for the portal.</summary>
    public bool ProviderSignIn => OidcSignIn.Enabled(configuration);

    /// <summary>The role picker: only in Development (and tests), and only when no identity provider is configured.</summary>
    public bool DevelopmentSignIn => environment.EnvironmentName is "Development" or "Testing" && configuration["Lapor:Auth:Authority"] is not { Length: > 0 };

    public string ProviderUrl => OidcSignIn.StartPath + (PortalAssets.IsLocal(Kembali) ? "?kembali=" + Uri.EscapeDataString(Kembali!) : "");

    /// <summary>The directory, to pick an agency from (empty when triage cannot be reached: the field stays free text).</summary>
    public IReadOnlyList<AgencyEntry> Agencies { get; private set; } = [];

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAgenciesAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!DevelopmentSignIn) return NotFound();
        var result = await staff.DevTokenAsync(Role, Blank(Agency), Blank(Region), Blank(Name), cancellationToken);
        if (Failed(result))
        {
            await LoadAgenciesAsync(cancellationToken);
            return Page();
        }

        PortalCookies.Set(HttpContext, PortalSession.Cookie, result.Value!.AccessToken, TimeSpan.FromSeconds(result.Value.ExpiresIn), SameSiteMode.Strict);
        return LocalRedirect(PortalAssets.IsLocal(Kembali) ? Kembali! : Home(Role));
    }

    /// <summary>The Development picker's suggestions: the national bodies and East Java's offices (the examples' region); any id may be typed.</summary>
    private async Task LoadAgenciesAsync(CancellationToken cancellationToken)
    {
        if (!DevelopmentSignIn) return;
        var pages = await Task.WhenAll(directory.AgenciesAsync("level=nasional", cancellationToken), directory.AgenciesAsync("within=35&limit=1000", cancellationToken));
        Agencies = [.. pages.Where(p => p.Ok).SelectMany(p => p.Value!)];
    }

    private static string Home(string role) => role switch
    {
        LaporRoles.Verifier => "/verifikasi",
        LaporRoles.Oversight => "/pantau",
        LaporRoles.Citizen => "/laporan-saya",
        _ => "/meja",
    };

}
