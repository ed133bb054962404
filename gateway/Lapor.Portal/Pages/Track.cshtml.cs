using Lapor.Portal.Api;
using Lapor.Portal.Text;
using Microsoft.AspNetCore.Mvc;

namespace Lapor.Portal.Pages;

/// <summary>
/// Following a report with its tracking number and access code: the timeline, the agency's answers, and the
/// citizen's reply, rating and "not satisfied". The code travels in the form posts, never in a URL or a cookie.
/// </summary>
public sealed class TrackModel(PortalText text, CitizenClient citizens) : PortalPage(text)
{
    [BindProperty] public string? TrackingId { get; set; }
    [BindProperty] public string? AccessCode { get; set; }
    [BindProperty] public string? Reply { get; set; }
    [BindProperty] public int? Rating { get; set; }
    [BindProperty] public string? Comment { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public bool ConfirmErase { get; set; }

    public Tracking? Report { get; private set; }
    /// <summary>The files the reporter attached, which only they (and the agency handling it) may open.</summary>
    public IReadOnlyList<AttachmentInfo> Attachments { get; private set; } = [];
    public bool Sent { get; private set; }
    /// <summary>The reporter's personal data for this report was erased just now.</summary>
    public bool Erased { get; private set; }

    /// <summary>A fresh access code was asked for (what was sent, if anything, is not said).</summary>
    public bool Recovered { get; private set; }

    public void OnGet()
    {
    }

    /// <summary>"Lupa kode akses?": a fresh code goes to the contact the reporter left, never to this page.</summary>
    public async Task OnPostRecoverAsync(CancellationToken cancellationToken)
    {
        Recovered = !Failed(await citizens.RecoverAccessCodeAsync(Id, cancellationToken));
        AccessCode = null;
    }

    public Task OnPostAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public Task OnPostReplyAsync(CancellationToken cancellationToken) =>
        ActAsync(citizens.ReplyAsync(Id, Code, Reply ?? "", cancellationToken), cancellationToken);

    public Task OnPostRateAsync(CancellationToken cancellationToken) =>
        ActAsync(citizens.RateAsync(Id, Code, Rating, string.IsNullOrWhiteSpace(Comment) ? null : Comment, cancellationToken), cancellationToken);

    public Task OnPostReopenAsync(CancellationToken cancellationToken) =>
        ActAsync(citizens.ReopenAsync(Id, Code, Reason ?? "", cancellationToken), cancellationToken);

    /// <summary>One of the reporter's files, fetched with the code from the form (never a link that could be shared).</summary>
    public async Task<IActionResult> OnPostAttachmentAsync(Guid attachment, CancellationToken cancellationToken)
    {
        var listed = await citizens.AttachmentsAsync(Id, Code, cancellationToken);
        var info = listed.Ok ? listed.Value!.FirstOrDefault(a => a.Id == attachment) : null;
        var file = info is null ? null : await citizens.AttachmentAsync(Id, Code, attachment, cancellationToken);
        if (info is null || file is not { Ok: true }) return NotFound();
        Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
        return File(file.Value!, info.ContentType, $"{Id}-{attachment.ToString("N")[..8]}.{AttachmentInfo.ExtensionOf(info.ContentType)}");
    }

    /// <summary>The reporter's personal data for the report, downloaded as a file (UU 27/2022: the right to see and take it).</summary>
    public async Task<IActionResult> OnPostPersonalDataAsync(CancellationToken cancellationToken)
    {
        var data = await citizens.PersonalDataAsync(Id, Code, cancellationToken);
        if (!data.Ok) return NotFound();
        return File(data.Value!, "application/json", $"lapor-{Id}-data-pribadi.json");
    }

    /// <summary>Erases the reporter's personal data for the report, once they confirm what it means.</summary>
    public async Task OnPostErasePersonalDataAsync(CancellationToken cancellationToken)
    {
        if (!ConfirmErase)
        {
            await LoadAsync(cancellationToken);
            return;
        }
        var result = await citizens.ErasePersonalDataAsync(Id, Code, cancellationToken);
        if (Failed(result, "track.notfound")) return;
        await LoadAsync(cancellationToken);
        Erased = true;
    }

    private string Id => (TrackingId ?? "").Trim().ToUpperInvariant();
    private string Code => (AccessCode ?? "").Trim();

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (Id.Length == 0 || Code.Length == 0)
        {
            Failed(ApiResult<Tracking>.Failed(ApiFailure.NotFound), "track.notfound");
            return;
        }
        var result = await citizens.TrackAsync(Id, Code, cancellationToken);
        if (!Failed(result, "track.notfound")) await ShowAsync(result.Value!, cancellationToken);
    }

    private async Task ActAsync(Task<ApiResult<Tracking>> action, CancellationToken cancellationToken)
    {
        var result = await action;
        if (Failed(result, "track.notfound"))
        {
            if (result.Failure == ApiFailure.Invalid) await KeepShowingAsync(cancellationToken);
            return;
        }
        await ShowAsync(result.Value!, cancellationToken);
        Sent = true;
        Reply = Comment = Reason = null;
        Rating = null;
    }

    // After a rejected reply or rating, show the report again with the error next to the field.
    private async Task KeepShowingAsync(CancellationToken cancellationToken)
    {
        var current = await citizens.TrackAsync(Id, Code, cancellationToken);
        if (current.Ok) await ShowAsync(current.Value!, cancellationToken);
    }

    private async Task ShowAsync(Tracking report, CancellationToken cancellationToken)
    {
        Report = report;
        // The list is a courtesy: if it cannot be fetched, the report still shows.
        if (await citizens.AttachmentsAsync(Id, Code, cancellationToken) is { Ok: true } attachments) Attachments = attachments.Value!;
    }
}
