using Lapor.AgencyDesk.Domain;
using Lapor.AgencyDesk.Persistence;
using Lapor.Contracts;
using Lapor.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Lapor.AgencyDesk.Consumers;

/// <summary>Puts a missed deadline in the inbox of the desk it escalates to, and tells that desk and the agency's holder.</summary>
public sealed class SlaBreachedConsumer(DeskDbContext db, TimeProvider clock) : IdempotentConsumer<DeskDbContext, SlaBreached>(db, clock)
{
    protected override async Task Handle(SlaBreached message, CancellationToken cancellationToken)
    {
        // One item per missed deadline, even if the breach is announced again under another message id.
        if (!Db.Escalations.Local.Any(e => e.ComplaintId == message.ComplaintId && e.Deadline == message.Deadline && e.DueAt == message.DueAt)
            && !await Db.Escalations.AnyAsync(e => e.ComplaintId == message.ComplaintId && e.Deadline == message.Deadline && e.DueAt == message.DueAt, cancellationToken))
            Db.Escalations.Add(DeskEscalation.Of(message));

        // Notices, keyed by the deadline: the escalation desk hears of it, and the agency's holder that it is overdue.
        var now = Clock.GetUtcNow();
        var deadline = $"{message.Deadline}:{message.DueAt.UtcTicks}";
        var report = await FindReportAsync<DeskComplaint>(message.ComplaintId, cancellationToken);
        await Db.TellAsync(message.EscalatedTo, null, message.ComplaintId, message.TrackingId, report?.Title ?? "", NoticeKind.Escalated, deadline, now, cancellationToken);
        if (message.Deadline == SlaBreached.FollowUp && report is not null && report.AgencyId == message.AgencyId)
            await Db.TellAsync(report, NoticeKind.Overdue, deadline, now, cancellationToken);
    }
}
