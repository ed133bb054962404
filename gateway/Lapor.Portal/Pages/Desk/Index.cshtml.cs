using Lapor.Portal.Api;
using Lapor.Portal.Text;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;

namespace Lapor.Portal.Pages.Desk;

/// <summary>
/// The officer's inbox: the agency's reports by deadline, with the desk API's filters and keyset paging; a supervisor
/// also sees the agency's overview and each officer's load.
/// </summary>
public sealed class IndexModel(PortalText text, StaffClient staff, TimeProvider clock) : PortalPage(text)
{
    private static readonly string[] Filters = ["status", "sector", "overdue", "assigned", "q", "sort", "cursor", "dueWithinDays"];

    public InboxPage? Inbox { get; private set; }
    public AgencyOverview? Overview { get; private set; }
    /// <summary>Missed deadlines of the offices this desk coordinates; a courtesy list that may be empty when unreachable.</summary>
    public IReadOnlyList<Escalation> Escalations { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }
    /// <summary>The officer's saved inbox views; empty when the desk could not be asked.</summary>
    public IReadOnlyList<SavedView> Views { get; private set; } = [];
    /// <summary>What is new for the signed-in officer (their notices); empty when the desk could not be asked.</summary>
    public NoticesPage? Notices { get; private set; }
    /// <summary>The agency's active officers, for a supervisor's bulk assignment.</summary>
    public IReadOnlyList<OfficerEntry> Officers { get; private set; } = [];
    public bool IsSupervisor => User.FindFirst("role")?.Value == "supervisor";

    [BindProperty] public List<string> Selected { get; set; } = [];
    [BindProperty] public string? AssignTo { get; set; }
    [BindProperty(SupportsGet = true, Name = "ditugaskan")] public int? BulkAssigned { get; set; }

    public string? Query(string key) => Request.Query[key].FirstOrDefault(v => !string.IsNullOrEmpty(v));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Now = clock.GetUtcNow();
        var query = new QueryBuilder();
        foreach (var key in Filters)
            if (Query(key) is { } value) query.Add(key, value);
        var overview = IsSupervisor ? staff.OverviewAsync(cancellationToken) : null;
        var officers = IsSupervisor ? staff.OfficersAsync(cancellationToken) : null;
        var escalations = staff.EscalationsAsync(cancellationToken);
        var notices = staff.NoticesAsync(cancellationToken);
        var views = staff.SavedViewsAsync(cancellationToken);
        var result = await staff.InboxAsync(query.ToString(), cancellationToken);
        if (!Failed(result)) Inbox = result.Value;
        if (await escalations is { Ok: true } escalated) Escalations = escalated.Value!;
        if (await notices is { Ok: true } told) Notices = told.Value;
        if (await views is { Ok: true } saved) Views = saved.Value!;
        if (overview is not null && await overview is { Ok: true } known) Overview = known.Value;
        if (officers is not null && await officers is { Ok: true } team) Officers = [.. team.Value!.Where(o => o.Active)];
    }

    /// <summary><c>/meja?handler=csv&amp;…</c>: the inbox with the same filters as CSV, for the agency's own reporting (supervisors).</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        var csv = await staff.InboxCsvAsync(FilterQuery().ToString(), cancellationToken);
        if (Failed(csv)) return StatusCode(StatusCodes.Status503ServiceUnavailable, Problem ?? "");
        return File(System.Text.Encoding.UTF8.GetBytes(csv.Value!), "text/csv; charset=utf-8", "lapor-kotak-masuk.csv");
    }

    /// <summary>A supervisor assigns the ticked reports to one officer: all or none.</summary>
    public async Task<IActionResult> OnPostAssignAsync(CancellationToken cancellationToken)
    {
        var result = await staff.AssignSeveralAsync(Selected, AssignTo ?? "", cancellationToken);
        if (result.Ok) return Redirect($"/meja?ditugaskan={Selected.Count}");
        Failed(result);
        await OnGetAsync(cancellationToken);
        return Page();
    }

    [BindProperty] public string? ViewName { get; set; }
    [BindProperty] public string? ViewQuery { get; set; }

    /// <summary>Saves the inbox's current filters and order under a name (the same name replaces it).</summary>
    public async Task<IActionResult> OnPostSaveViewAsync(CancellationToken cancellationToken)
    {
        if (Failed(await staff.SaveViewAsync(ViewName ?? "", ViewQuery ?? "", cancellationToken)))
        {
            await OnGetAsync(cancellationToken);
            return Page();
        }
        return Redirect("/meja" + (string.IsNullOrEmpty(ViewQuery) ? "" : "?" + ViewQuery));
    }

    public async Task<IActionResult> OnPostDeleteViewAsync(CancellationToken cancellationToken)
    {
        if (Failed(await staff.DeleteViewAsync(ViewName ?? "", cancellationToken)))
        {
            await OnGetAsync(cancellationToken);
            return Page();
        }
        return Redirect("/meja");
    }

    [BindProperty] public List<string> Acknowledged { get; set; } = [];

    /// <summary>A supervisor of a coordinating desk marks the ticked escalations seen: all or none.</summary>
    public async Task<IActionResult> OnPostAcknowledgeAsync(CancellationToken cancellationToken)
    {
        if (Failed(await staff.AcknowledgeEscalationsAsync(Acknowledged, cancellationToken)))
        {
            await OnGetAsync(cancellationToken);
            return Page();
        }
        return Redirect("/meja#escalations");
    }

    [BindProperty] public string? NoticeEmail { get; set; }
    [BindProperty] public bool NoticeDigest { get; set; }

    /// <summary>Marks every notice read.</summary>
    public async Task<IActionResult> OnPostReadAsync(CancellationToken cancellationToken)
    {
        if (Failed(await staff.ReadNoticesAsync(cancellationToken)))
        {
            await OnGetAsync(cancellationToken);
            return Page();
        }
        return Redirect("/meja");
    }

    /// <summary>Where the officer's notices are mailed, one by one or as a daily digest.</summary>
    public async Task<IActionResult> OnPostMailAsync(CancellationToken cancellationToken)
    {
        if (Failed(await staff.SetNoticeMailAsync(NoticeEmail, NoticeDigest, cancellationToken)))
        {
            await OnGetAsync(cancellationToken);
            return Page();
        }
        return Redirect("/meja");
    }

    /// <summary>The inbox's filters as the page was asked for them, without the cursor.</summary>
    public QueryBuilder FilterQuery()
    {
        var query = new QueryBuilder();
        foreach (var key in Filters.Where(k => k != "cursor"))
            if (Query(key) is { } value) query.Add(key, value);
        return query;
    }

    /// <summary>An officer's name from their token subject (<c>role:agency:name</c>).</summary>
    public static string OfficerName(string subject) => subject[(subject.LastIndexOf(':') + 1)..];

    /// <summary>The same filters with a different cursor, for the next page link.</summary>
    public string NextPage(string cursor)
    {
        var query = FilterQuery();
        query.Add("cursor", cursor);
        return "/meja" + query;
    }
}
