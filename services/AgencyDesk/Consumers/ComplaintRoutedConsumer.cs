using Lapor.AgencyDesk.Domain;
using Lapor.AgencyDesk.Persistence;
using Lapor.Contracts;
using Lapor.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Lapor.AgencyDesk.Consumers;

/// <summary>Puts a routed report in the responsible agency's inbox (or moves it there after a forward), and tells its desk.</summary>
public sealed class ComplaintRoutedConsumer(DeskDbContext db, TimeProvider clock)
    : IdempotentConsumer<DeskDbContext, ComplaintRouted>(db, clock)
{
    protected override async Task Handle(ComplaintRouted message, CancellationToken cancellationToken)
    {
        var existing = await FindReportAsync<DeskComplaint>(message.ComplaintId, cancellationToken);
        if (existing is not null)
        {
            existing.Reroute(message);
            // Moved here by a forward: the new agency's desk hears of it as of a new report.
            if (existing.Sequence == message.Sequence) await TellNewReportAsync(existing, cancellationToken);
            return;
        }
        var complaint = DeskComplaint.Receive(message);
        // Attachments announced before the report arrived join it now: those stored (loaded for the whole message group),
        // and any announced earlier in the same group commit (added to this context, not yet written).
        if (!Db.LoadedForGroup<PendingAttachment>(message.ComplaintId))
            await Db.PendingAttachments.Where(a => a.ComplaintId == message.ComplaintId).LoadAsync(cancellationToken);
        foreach (var pending in Db.Tracked<PendingAttachment>(a => a.ComplaintId == message.ComplaintId))
        {
            complaint.Attach(pending.ToRef());
            Db.PendingAttachments.Remove(pending);
        }
        Db.Complaints.Add(complaint);
        await TellNewReportAsync(complaint, cancellationToken);
    }

    private Task TellNewReportAsync(DeskComplaint report, CancellationToken cancellationToken) =>
        Db.TellAsync(report, NoticeKind.NewReport, MessageId.ToString("N"), Clock.GetUtcNow(), cancellationToken, holder: null);
}
