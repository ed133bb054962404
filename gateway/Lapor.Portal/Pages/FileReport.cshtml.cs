using Lapor.Contracts;
using Lapor.Portal.Api;
using Lapor.Portal.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Authentication;

namespace Lapor.Portal.Pages;

/// <summary>
/// The citizen's report form. Works without JavaScript; a resent form (double tap, refresh) files once. Attached
/// files go to Intake right after the report is accepted, with its new access code.
/// </summary>
[RequestSizeLimit(16_000_000)]
[RequestFormLimits(MultipartBodyLengthLimit = 16_000_000)]
public sealed class FileReportModel(PortalText text, CitizenClient citizens, StaffClient staff) : PortalPage(text)
{
    /// <summary>
    /// <c>/lapor?loket=true</c>: an officer at an agency's service counter enters a walk-in or paper report for a citizen
    /// (channel counter); the receipt page is then printed for the citizen.
    /// </summary>
    [BindProperty(SupportsGet = true)] public bool Loket { get; set; }

    /// <summary>Counter mode is for signed-in officers and supervisors only; anyone else files as a citizen.</summary>
    public bool AtCounter { get; private set; }

    private async Task<bool> AtCounterAsync() =>
        Loket && (await HttpContext.AuthenticateAsync(Lapor.ServiceDefaults.Security.PortalSession.Scheme)).Principal?.FindFirst("role")?.Value
            is "officer" or "supervisor";

    [BindProperty] public ReportForm Form { get; set; } = new();

    /// <summary>Photos or PDFs chosen in the form (checked by Intake, by content).</summary>
    [BindProperty] public List<IFormFile> Attachments { get; set; } = [];

    /// <summary>Set once the report is accepted: the page then shows the tracking number and access code.</summary>
    public Receipt? Receipt { get; private set; }

    /// <summary>How many attachments were saved, or why they were not.</summary>
    public int AttachmentsSaved { get; private set; }
    public string? AttachmentProblem { get; private set; }

    public async Task OnGetAsync()
    {
        Form.IdempotencyKey = Guid.NewGuid().ToString("N");
        AtCounter = await AtCounterAsync();
    }

    public async Task OnPostAsync(CancellationToken cancellationToken)
    {
        if (!Guid.TryParseExact(Form.IdempotencyKey, "N", out _)) Form.IdempotencyKey = Guid.NewGuid().ToString("N");
        var files = Attachments.Where(f => f.Length > 0).ToList();
        if (files.Count > 3 || files.Any(f => f.Length > 5 * 1024 * 1024))
        {
            Invalid("attachments", T["file.attachments.help"]);
            return;
        }
        AtCounter = await AtCounterAsync();
        var result = AtCounter
            ? await staff.FileAtCounterAsync(Form.ToReport(), Form.IdempotencyKey!, cancellationToken)
            : await citizens.FileAsync(Form.ToReport(), Form.IdempotencyKey!, cancellationToken);
        if (Failed(result)) return;
        Receipt = result.Value;
        if (files.Count == 0) return;
        var attached = await citizens.AttachAsync(Receipt!.TrackingId, Receipt.AccessCode, files, cancellationToken);
        if (attached.Ok) AttachmentsSaved = attached.Value!.Count;
        else AttachmentProblem = attached.Errors?.Values.SelectMany(m => m).FirstOrDefault() ?? T["error.unavailable"];
    }

    public sealed class ReportForm
    {
        public string? IdempotencyKey { get; set; }
        public ReportType Type { get; set; } = ReportType.Aduan;
        public string? Title { get; set; }
        public string? Text { get; set; }
        public string? Region { get; set; }
        public Sector? Sector { get; set; }
        public bool Anonymous { get; set; }
        public bool Confidential { get; set; }
        public string? Name { get; set; }
        public string? Email { get; set; }
        public string? Phone { get; set; }
        public string? Location { get; set; }
        public DateOnly? IncidentDate { get; set; }

        public FileReport ToReport() => new(Type, Title ?? "", Text ?? "", Sector, Blank(Region), Anonymous, Confidential,
            Blank(Name) is null && Blank(Email) is null && Blank(Phone) is null ? null : new ContactDetails(Blank(Name), Blank(Email), Blank(Phone)),
            Blank(Location), IncidentDate);

        private static string? Blank(string? value) => PortalPage.Blank(value);
    }
}
