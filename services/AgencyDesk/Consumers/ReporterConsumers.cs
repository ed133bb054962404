using Lapor.AgencyDesk.Domain;
using Lapor.AgencyDesk.Persistence;
using Lapor.Contracts;
using Lapor.ServiceDefaults.Messaging;

namespace Lapor.AgencyDesk.Consumers;

/// <summary>
/// Brings into the desk what happens to a report outside it: the reporter's replies and reopenings (relayed by Intake,
/// never with identity), and triage's clocks: the new deadline of a reopened report, and closing a report whose
/// reporter left the agency's answer unreplied. One consumer per event type, registered in
/// <see cref="AgencyDeskExtensions"/>.
/// </summary>
public sealed class ReporterConsumer<TEvent>(DeskDbContext db, TimeProvider clock) : IdempotentConsumer<DeskDbContext, TEvent>(db, clock)
    where TEvent : class, IComplaintEvent
{
    protected override async Task Handle(TEvent message, CancellationToken cancellationToken)
    {
        if (await FindReportAsync<DeskComplaint>(message.ComplaintId, cancellationToken) is not { } report) return;
        report.Observe(message);
        // The reporter's answer or dissatisfaction is news for whoever holds the report.
        if (message is ReporterReplied or ComplaintReopened)
            await Db.TellAsync(report, NoticeKind.ReporterReplied, MessageId.ToString("N"), Clock.GetUtcNow(), cancellationToken);
    }
}

/// <summary>Lists a file the reporter attached on the report, or keeps it until the report reaches the desk.</summary>
public sealed class AttachmentAddedConsumer(DeskDbContext db, TimeProvider clock) : IdempotentConsumer<DeskDbContext, AttachmentAdded>(db, clock)
{
    protected override async Task Handle(AttachmentAdded message, CancellationToken cancellationToken)
    {
        var attachment = new AttachmentRef(message.AttachmentId, message.OccurredAt, message.ContentType, message.Size);
        if (await FindReportAsync<DeskComplaint>(message.ComplaintId, cancellationToken) is { } complaint) complaint.Attach(attachment);
        else Db.PendingAttachments.Add(new PendingAttachment(message.ComplaintId, attachment));
    }
}
