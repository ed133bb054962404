using Lapor.Portal.Api;
using Lapor.Portal.Text;
using Microsoft.AspNetCore.Mvc;

namespace Lapor.Portal.Pages.Desk;

/// <summary>A supervisor's list of the agency's officers: add one before their first sign-in, deactivate one who left.</summary>
public sealed class OfficersModel(PortalText text, StaffClient staff) : PortalPage(text)
{
    [BindProperty] public string? OfficerId { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public bool Active { get; set; } = true;

    public IReadOnlyList<OfficerEntry> Officers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (User.FindFirst("role")?.Value != "supervisor") return Forbid();
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (User.FindFirst("role")?.Value != "supervisor") return Forbid();
        var result = await staff.SetOfficerAsync(OfficerId ?? "", string.IsNullOrWhiteSpace(Name) ? null : Name, Active, cancellationToken);
        if (Failed(result))
        {
            await LoadAsync(cancellationToken);
            return Page();
        }
        return Redirect("/meja/petugas");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (await staff.OfficersAsync(cancellationToken) is { Ok: true } officers) Officers = officers.Value!;
    }
}
