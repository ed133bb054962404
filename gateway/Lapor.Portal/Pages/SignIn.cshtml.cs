using Lapor.Portal.Api;
using Lapor.Portal.Text;
using Lapor.ServiceDefaults.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Lapor.Portal.Pages;

/// <summary>
/// Staff sign-in. In Development (and the test environment) a role picker asks the host's <c>/dev/token</c>
/// for a token; elsewhere that endpoint does not exist and staff come with a token from the identity provider.
/// The token is kept in an HttpOnly, SameSite=Strict cookie that only the portal's pages read.
/// </summary>
public sealed class SignInModel(PortalText text, StaffClient staff, CitizenClient directory, IWebHostEnvironment environment) : PortalPage(text)
{
    public static readonly string[] Roles = [LaporRoles.Officer, LaporRoles.Supervisor, LaporRoles.Verifier, LaporRoles.Oversight];

    [BindProperty] public string Role { get; set; } = LaporRoles.Officer;
    [BindProperty] public string? Agency { get; set; }
    [BindProperty] public string? Region { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kembali { get; set; }

    public bool DevelopmentSignIn => environment.EnvironmentName is "Development" or "Testing";

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

    private async Task LoadAgenciesAsync(CancellationToken cancellationToken)
    {
        if (DevelopmentSignIn && await directory.AgenciesAsync(cancellationToken) is { Ok: true } agencies) Agencies = agencies.Value!;
    }

    private static string Home(string role) => role switch
    {
        LaporRoles.Verifier => "/verifikasi",
        LaporRoles.Oversight => "/pantau",
        _ => "/meja",
    };

}
