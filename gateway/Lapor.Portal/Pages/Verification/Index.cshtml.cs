using Lapor.Portal.Api;
using Lapor.Portal.Text;
using Microsoft.AspNetCore.Mvc;

namespace Lapor.Portal.Pages.Verification;

/// <summary>The LAPOR! admin desk's queue: the classifier's suggestion with its confidence and reasons, and one-click decisions.</summary>
public sealed class IndexModel(PortalText text, StaffClient staff, CitizenClient directory) : PortalPage(text)
{
    [BindProperty] public string? TrackingId { get; set; }
    [BindProperty] public string? AgencyId { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? Question { get; set; }
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }

    public IReadOnlyList<PendingReport> Queue { get; private set; } = [];
    public IReadOnlyList<AgencyEntry> Agencies { get; private set; } = [];

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostRouteAsync(CancellationToken cancellationToken)
    {
        var result = await staff.RouteAsync(TrackingId ?? "", new RouteChoice(AgencyId ?? "", null, null), cancellationToken);
        return await AfterAsync(result, cancellationToken);
    }

    /// <summary>A report already routed goes elsewhere: the verifier names it, the new agency and why.</summary>
    public async Task<IActionResult> OnPostRerouteAsync(CancellationToken cancellationToken)
    {
        TrackingId = TrackingId?.Trim().ToUpperInvariant();
        var result = await staff.ChangeRouteAsync(TrackingId ?? "", AgencyId ?? "", Reason ?? "", cancellationToken);
        return await AfterAsync(result, cancellationToken);
    }

    public async Task<IActionResult> OnPostArchiveAsync(CancellationToken cancellationToken)
    {
        var result = await staff.ArchiveAsync(TrackingId ?? "", Reason ?? "", cancellationToken);
        return await AfterAsync(result, cancellationToken);
    }

    /// <summary><i>Tunda</i>: hold the report and ask the reporter for what is missing.</summary>
    public async Task<IActionResult> OnPostPostponeAsync(CancellationToken cancellationToken)
    {
        var result = await staff.PostponeAsync(TrackingId ?? "", Question ?? "", cancellationToken);
        return await AfterAsync(result, cancellationToken);
    }

    private async Task<IActionResult> AfterAsync(ApiResult<bool> result, CancellationToken cancellationToken)
    {
        if (result.Ok) return Redirect("/verifikasi?done=" + Uri.EscapeDataString(TrackingId ?? ""));
        Failed(result);
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var queue = await staff.VerificationQueueAsync(cancellationToken);
        if (Failed(queue)) return;
        Queue = queue.Value!;
        Agencies = await PickableAgenciesAsync(cancellationToken);
    }

    /// <summary>A search of the directory the verifier asked for (<c>?cari=</c>), shown in the pickers with the rest.</summary>
    [BindProperty(SupportsGet = true, Name = "cari")] public string? AgencySearch { get; set; }

    /// <summary>
    /// What the agency pickers offer: the national bodies, every office in the provinces of the reports queued, and the
    /// verifier's search. Any id of the directory is accepted; the national directory is too long for one list.
    /// </summary>
    private async Task<IReadOnlyList<AgencyEntry>> PickableAgenciesAsync(CancellationToken cancellationToken)
    {
        var provinces = Queue.Select(r => (r.Region ?? r.Suggestion.Region)?.Split('.')[0]).OfType<string>().Distinct().Take(20);
        var queries = new[] { "level=nasional" }
            .Concat(provinces.Select(p => "limit=1000&within=" + Uri.EscapeDataString(p)))
            .Concat(AgencySearch is { Length: > 0 } q ? ["limit=100&q=" + Uri.EscapeDataString(q.Trim())] : []);
        var pages = await Task.WhenAll(queries.Select(q => directory.AgenciesAsync(q, cancellationToken)));
        return [.. pages.Where(p => p.Ok).SelectMany(p => p.Value!).DistinctBy(a => a.Id)];
    }
}
