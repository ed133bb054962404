using Lapor.Portal.Api;
using Lapor.Portal.Text;
using Microsoft.AspNetCore.Mvc;

namespace Lapor.Portal.Pages.Desk;

/// <summary>One report at the desk: what the citizen wrote, the conversation, notes, route history, and the actions.</summary>
public sealed class ReportModel(PortalText text, StaffClient staff) : PortalPage(text)
{
    [BindProperty(SupportsGet = true)] public string TrackingId { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }
    [BindProperty] public string? Action { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public string? TargetAgencyId { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? OfficerId { get; set; }

    /// <summary>For a supervisor: the officers who hold the agency's reports, to assign this one to.</summary>
    public IReadOnlyList<OfficerLoad> Officers { get; private set; } = [];

    public DeskReport? Report { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var result = await staff.DeskReportAsync(TrackingId, cancellationToken);
        if (Failed(result)) return result.Failure == ApiFailure.NotFound ? NotFound() : Page();
        Report = result.Value;
        await LoadOfficersAsync(cancellationToken);
        return Page();
    }

    private async Task LoadOfficersAsync(CancellationToken cancellationToken)
    {
        if (User.FindFirst("role")?.Value != "supervisor") return;
        if (await staff.OverviewAsync(cancellationToken) is { Ok: true } overview) Officers = overview.Value!.Officers;
    }

    /// <summary><c>/meja/{id}?handler=lampiran&amp;attachment=…</c>: the reporter's file, fetched from Intake with the officer's own token.</summary>
    public async Task<IActionResult> OnGetLampiranAsync(Guid attachment, CancellationToken cancellationToken)
    {
        var report = await staff.DeskReportAsync(TrackingId, cancellationToken);
        var listed = report.Ok ? report.Value!.Attachments?.FirstOrDefault(a => a.AttachmentId == attachment) : null;
        if (listed is null) return NotFound();
        var file = await staff.AttachmentAsync(TrackingId, attachment, cancellationToken);
        if (!file.Ok) return NotFound();
        Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
        return File(file.Value!, listed.ContentType, $"{TrackingId}-{attachment.ToString("N")[..8]}.{AttachmentInfo.ExtensionOf(listed.ContentType)}");
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var body = new DeskAction(Text, OfficerId: Blank(OfficerId), TargetAgencyId: Blank(TargetAgencyId), Reason: Reason);
        var result = await staff.DeskActionAsync(TrackingId, Action ?? "", body, cancellationToken);
        if (result.Ok) return Redirect($"/meja/{Uri.EscapeDataString(TrackingId)}?done={Uri.EscapeDataString(Action!)}");

        Failed(result);
        if (result.Failure == ApiFailure.NotFound) return NotFound();
        var current = await staff.DeskReportAsync(TrackingId, cancellationToken);
        if (current.Ok) Report = current.Value;
        await LoadOfficersAsync(cancellationToken);
        return Page();
    }

}
