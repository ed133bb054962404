using System.Globalization;
using Lapor.AgencyDesk.Domain;
using Lapor.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Lapor.AgencyDesk.Persistence;

/// <summary>
/// Writes officers' notices (<see cref="OfficerNotice"/>) into the unit of work that causes them, so they commit with it.
/// A notice whose key this unit of work or the database already holds is not written again.
/// </summary>
public static class NoticeBoard
{
    /// <summary>
    /// Tells whoever hears about the report at <paramref name="agencyId"/>'s desk (<see cref="OfficerNotice.Recipients"/>);
    /// returns how many notices it added. The agency's officers and the report's notices come from the message group's
    /// load (<see cref="OfficersLoader"/>, the notices' <c>ReportRowsLoader</c>), or from a query each where it did not
    /// load them; a desk that knows no officer yet adds none.
    /// </summary>
    public static async Task<int> TellAsync(this DeskDbContext db, string agencyId, string? holder, Guid complaintId, string trackingId, string title,
        NoticeKind kind, string cause, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var officers = db.LoadedForGroup<Officer>(agencyId)
            ? db.Tracked<Officer>(o => o.AgencyId == agencyId && o.Active)
            : await db.Officers.AsNoTracking().Where(o => o.AgencyId == agencyId && o.Active).ToListAsync(cancellationToken);
        var notices = OfficerNotice.Recipients(holder, officers)
            .Select(officer => OfficerNotice.For(complaintId, trackingId, title, agencyId, officer, kind, cause, now))
            .ToList();
        if (notices.Count == 0) return 0;
        var keys = notices.Select(n => n.Key).ToList();
        // The report's stored notices come with the message group's load; elsewhere one query asks for these keys.
        var known = db.LoadedForGroup<OfficerNotice>(complaintId)
            ? []
            : (await db.Notices.Where(n => keys.Contains(n.Key)).Select(n => n.Key).ToListAsync(cancellationToken)).ToHashSet();
        // Tracked: loaded for the group, or added earlier in this unit of work (a group commit's other messages).
        known.UnionWith(db.Tracked<OfficerNotice>(n => n.ComplaintId == complaintId).Select(n => n.Key));
        var added = notices.Where(n => !known.Contains(n.Key)).ToList();
        db.Notices.AddRange(added);
        return added.Count;
    }

    public static Task<int> TellAsync(this DeskDbContext db, DeskComplaint report, NoticeKind kind, string cause, DateTimeOffset now,
        CancellationToken cancellationToken, string? holder = null) =>
        db.TellAsync(report.AgencyId, holder ?? report.AssignedTo, report.ComplaintId, report.TrackingId, report.Title, kind, cause, now, cancellationToken);

    /// <summary>Tells the officer a supervisor gave the report to.</summary>
    public static Task<int> TellAssignedAsync(this DeskDbContext db, DeskComplaint report, ComplaintAssigned assigned, CancellationToken cancellationToken) =>
        db.TellAsync(report, NoticeKind.Assigned, assigned.Sequence.ToString(CultureInfo.InvariantCulture), assigned.OccurredAt, cancellationToken,
            holder: assigned.OfficerId);
}
