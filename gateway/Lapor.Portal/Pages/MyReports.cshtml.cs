using Lapor.Portal.Api;
using Lapor.Portal.Text;
using Microsoft.AspNetCore.Mvc;

namespace Lapor.Portal.Pages;

/// <summary>"Laporan saya": a signed-in citizen's reports with status and deadline, and adding an earlier one with its code.</summary>
public sealed class MyReportsModel(PortalText text, CitizenClient citizens) : PortalPage(text)
{
    public IReadOnlyList<MyReport>? Reports { get; private set; }

    [BindProperty] public string? TrackingId { get; set; }
    [BindProperty] public string? AccessCode { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var result = await citizens.MyReportsAsync(cancellationToken);
        if (!Failed(result)) Reports = result.Value;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await citizens.AttachReportAsync(TrackingId?.Trim() ?? "", AccessCode?.Trim() ?? "", cancellationToken);
        if (!Failed(result, notFoundKey: "mine.notfound")) return Redirect("/laporan-saya");
        await OnGetAsync(cancellationToken);
        return Page();
    }
}
