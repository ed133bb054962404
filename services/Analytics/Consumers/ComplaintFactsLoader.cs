using Lapor.Analytics.Persistence;
using Lapor.Contracts;
using Lapor.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Analytics.Consumers;

/// <summary>Loads the fact rows of a group's reports in one query; each event's projection then finds its row tracked.</summary>
public sealed class ComplaintFactsLoader : IGroupLoader<AnalyticsDbContext>
{
    public async Task LoadAsync(AnalyticsDbContext db, IReadOnlyList<object> messages, CancellationToken cancellationToken)
    {
        var reportIds = messages.OfType<IComplaintEvent>().Select(e => e.ComplaintId).Distinct().ToList();
        if (reportIds.Count > 0) await db.Complaints.Where(f => reportIds.Contains(f.ComplaintId)).LoadAsync(cancellationToken);
    }
}
