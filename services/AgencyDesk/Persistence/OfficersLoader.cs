using Lapor.AgencyDesk.Domain;
using Lapor.Contracts;
using Lapor.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Lapor.AgencyDesk.Persistence;

/// <summary>
/// Loads, in one query per message group, the active officers of every agency the group's events may tell (the agency
/// a report is routed to, and the one each report already sits with), so <see cref="NoticeBoard"/> finds them tracked
/// instead of asking once per report. Runs after the reports' own rows are loaded.
/// </summary>
public sealed class OfficersLoader : IGroupLoader<DeskDbContext>
{
    public async Task LoadAsync(DeskDbContext db, IReadOnlyList<object> messages, CancellationToken cancellationToken)
    {
        var reports = messages.OfType<IComplaintEvent>().Select(e => e.ComplaintId).ToHashSet();
        if (reports.Count == 0) return;
        var agencies = messages.OfType<ComplaintRouted>().Select(r => r.AgencyId)
            .Concat(db.Tracked<DeskComplaint>(c => reports.Contains(c.ComplaintId)).Select(c => c.AgencyId))
            .Distinct().ToList();
        await db.LoadForGroupAsync(db.Officers.Where(o => agencies.Contains(o.AgencyId) && o.Active), agencies, cancellationToken);
    }
}
