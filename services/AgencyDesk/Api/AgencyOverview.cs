using Lapor.AgencyDesk.Domain;
using Lapor.AgencyDesk.Persistence;
using Lapor.Contracts;
using Lapor.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;

namespace Lapor.AgencyDesk.Api;

/// <summary>One officer's share of the agency's open reports.</summary>
public sealed record OfficerLoad(string OfficerId, int Open, int Overdue, int AwaitingReporter);

/// <summary>
/// What a supervisor (agency head) watches: the agency's open reports, the ones nobody has taken, the deadlines
/// already missed, the oldest report still waiting, and each officer's load.
/// </summary>
public sealed record AgencyOverview(string AgencyId, int Open, int Unassigned, int Overdue, int DueWithinTwoWorkingDays,
    DateTimeOffset? OldestOpenRoutedAt, IReadOnlyList<OfficerLoad> Officers);

public static class AgencyOverviewReader
{
    public static async Task<AgencyOverview> ReadAsync(DeskDbContext db, Caller caller, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var agency = caller.AgencyId!;
        var soon = Weekdays.Add(now, 2);
        var overdue = DeskComplaint.OverdueAt(now);
        var dueSoon = DeskComplaint.DueBetween(now, soon);
        // One grouped query: per assignee (null = nobody), counts of open, overdue, due soon and waiting on the reporter.
        var groups = await db.Complaints.AsNoTracking()
            .Where(c => c.AgencyId == agency)
            .Where(DeskComplaint.Open)
            .GroupBy(c => c.AssignedTo)
            .Select(g => new
            {
                Officer = g.Key,
                Open = g.Count(),
                Overdue = g.AsQueryable().Count(overdue),
                DueSoon = g.AsQueryable().Count(dueSoon),
                Waiting = g.Count(c => c.Status == ComplaintStatus.MenungguTanggapanPelapor),
                Oldest = g.Min(c => (DateTimeOffset?)c.RoutedAt),
            })
            .ToListAsync(cancellationToken);
        var active = await db.Officers.AsNoTracking().Where(o => o.AgencyId == agency && o.Active).Select(o => o.OfficerId).ToListAsync(cancellationToken);

        return new AgencyOverview(
            agency,
            groups.Sum(g => g.Open),
            groups.Where(g => g.Officer == null).Sum(g => g.Open),
            groups.Sum(g => g.Overdue),
            groups.Sum(g => g.DueSoon),
            groups.Min(g => g.Oldest),
            groups.Where(g => g.Officer != null)
                .Select(g => new OfficerLoad(g.Officer!, g.Open, g.Overdue, g.Waiting))
                // Active officers with nothing in hand yet are there to be given work.
                .Concat(active.Where(officer => groups.All(g => g.Officer != officer)).Select(officer => new OfficerLoad(officer, 0, 0, 0)))
                .OrderByDescending(o => o.Open).ThenBy(o => o.OfficerId, StringComparer.Ordinal)
                .ToList());
    }
}
