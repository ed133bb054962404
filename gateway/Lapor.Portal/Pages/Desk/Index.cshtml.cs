using Lapor.Portal.Api;
using Lapor.Portal.Text;
using Microsoft.AspNetCore.Http.Extensions;

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

    public string? Query(string key) => Request.Query[key].FirstOrDefault(v => !string.IsNullOrEmpty(v));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Now = clock.GetUtcNow();
        var query = new QueryBuilder();
        foreach (var key in Filters)
            if (Query(key) is { } value) query.Add(key, value);
        var overview = User.FindFirst("role")?.Value == "supervisor" ? staff.OverviewAsync(cancellationToken) : null;
        var escalations = staff.EscalationsAsync(cancellationToken);
        var result = await staff.InboxAsync(query.ToString(), cancellationToken);
        if (!Failed(result)) Inbox = result.Value;
        if (await escalations is { Ok: true } escalated) Escalations = escalated.Value!;
        if (overview is not null && await overview is { Ok: true } known) Overview = known.Value;
    }

    /// <summary>An officer's name from their token subject (<c>role:agency:name</c>).</summary>
    public static string OfficerName(string subject) => subject[(subject.LastIndexOf(':') + 1)..];

    /// <summary>The same filters with a different cursor, for the next page link.</summary>
    public string NextPage(string cursor)
    {
        var query = new QueryBuilder();
        foreach (var key in Filters.Where(k => k != "cursor"))
            if (Query(key) is { } value) query.Add(key, value);
        query.Add("cursor", cursor);
        return "/meja" + query;
    }
}
