using Lapor.Contracts.Reference;
using Lapor.AgencyDesk.Domain;
using Lapor.AgencyDesk.Persistence;
using Lapor.Contracts;
using Lapor.ServiceDefaults;
using Lapor.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;

namespace Lapor.AgencyDesk.Api;

/// <summary>
/// Reads one inbox page with keyset paging: the page after a cursor is found by index seek on
/// (agency, deadline or date, tracking id), so it stays fast and stable however deep the inbox.
/// </summary>
public static class InboxReader
{
    public static async Task<InboxPage> ReadAsync(DeskDbContext db, Caller caller, InboxQuery query, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var agency = caller.AgencyId!;
        var reports = db.Complaints.AsNoTracking().Where(c => c.AgencyId == agency);

        if (query.StatusValue is { } status) reports = reports.Where(c => c.Status == status);
        if (query.SectorValue is { } sector) reports = reports.Where(c => c.Sector == sector);
        if (query.Region is { } region) reports = reports.Where(c => c.Region == region);
        if (query.Overdue == true) reports = reports.Where(DeskComplaint.OverdueAt(now));
        if (query.DueWithinDays is { } days)
        {
            var horizon = Weekdays.Add(now, days);
            reports = reports.Where(c => c.RespondedAt == null && c.FollowUpDueAt <= horizon);
        }
        if (query.Assigned == "me") reports = reports.Where(c => c.AssignedTo == caller.Subject);
        if (query.Assigned == "unassigned") reports = reports.Where(c => c.AssignedTo == null);
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var pattern = "%" + query.Q.Trim().ToLowerInvariant().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            reports = reports.Where(c => EF.Functions.Like(c.Title.ToLower(), pattern, "\\") || EF.Functions.Like(c.Text.ToLower(), pattern, "\\"));
        }

        var cursor = query.Cursor is null ? null : KeysetCursor.Decode(query.Cursor);
        IQueryable<DeskComplaint> page;
        if (query.ByDate)
        {
            if (cursor is not null)
                reports = reports.Where(c => c.RoutedAt < cursor.At || (c.RoutedAt == cursor.At && string.Compare(c.TrackingId, cursor.TrackingId) < 0));
            page = reports.OrderByDescending(c => c.RoutedAt).ThenByDescending(c => c.TrackingId);
        }
        else
        {
            if (cursor is not null)
                reports = reports.Where(c => c.FollowUpDueAt > cursor.At || (c.FollowUpDueAt == cursor.At && string.Compare(c.TrackingId, cursor.TrackingId) > 0));
            page = reports.OrderBy(c => c.FollowUpDueAt).ThenBy(c => c.TrackingId);
        }

        var rows = (await page.Take(query.Take + 1)
                .Select(c => new { c.TrackingId, c.Type, c.Sector, c.Region, c.Title, c.Status, c.AssignedTo, c.RoutedAt, c.FollowUpDueAt, c.RespondedAt })
                .ToListAsync(cancellationToken))
            .Select(c => new InboxItem(c.TrackingId, c.Type, c.Sector, c.Region, c.Title, c.Status, c.AssignedTo, c.RoutedAt, c.FollowUpDueAt,
                DeskComplaint.IsOverdue(c.RespondedAt, c.FollowUpDueAt, now)))
            .ToList();
        var items = rows.Take(query.Take).ToList();
        var last = items.LastOrDefault();
        var next = rows.Count > query.Take && last is not null
            ? new KeysetCursor(query.ByDate ? last.RoutedAt : last.FollowUpDueAt, last.TrackingId).Encode()
            : null;

        // Kept as reports change (StatusCount), not counted here: an agency may hold hundreds of thousands.
        var counts = await db.StatusCounts.AsNoTracking().Where(c => c.AgencyId == agency && c.Count > 0).ToListAsync(cancellationToken);
        return new InboxPage(agency, items, next, counts.ToDictionary(c => LaporJson.WireName(c.Status), c => (int)c.Count));
    }
}

/// <summary>Monday-to-Friday arithmetic for the inbox's "due within N working days" filter (holidays are triage's concern).</summary>
/// <summary>
/// "Due within N working days" at the desk, counted with the same calendar as triage's deadlines: the shipped national
/// holidays and cuti bersama, or the operator's (<c>Lapor:Calendar:File</c>, <c>Lapor:Holidays</c>), set at start.
/// </summary>
internal static class Weekdays
{
    public static WorkingDays Calendar { get; set; } = new(Holidays.Load(null));

    public static DateTimeOffset Add(DateTimeOffset start, int days)
    {
        var day = start;
        for (var counted = 0; counted < days;)
        {
            day = day.AddDays(1);
            if (Calendar.IsWorkingDay(DateOnly.FromDateTime(day.ToOffset(WorkingDays.UtcOffset(null)).DateTime))) counted++;
        }
        return day;
    }
}
