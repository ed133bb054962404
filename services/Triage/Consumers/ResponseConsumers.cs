using Lapor.Contracts;
using Lapor.ServiceDefaults.Messaging;
using Lapor.Triage.Domain;
using Lapor.Triage.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Triage.Consumers;

/// <summary>The agency's first answer (or resolution) stops the follow-up clock.</summary>
public abstract class ResponseConsumer<TEvent>(TriageDbContext db, TimeProvider clock) : IdempotentConsumer<TriageDbContext, TEvent>(db, clock)
    where TEvent : class, IComplaintEvent
{
    protected override async Task Handle(TEvent message, CancellationToken cancellationToken)
    {
        var complaint = await Db.Complaints.SingleOrDefaultAsync(c => c.ComplaintId == message.ComplaintId, cancellationToken);
        complaint?.Responded(message);
    }
}

public sealed class AgencyRespondedConsumer(TriageDbContext db, TimeProvider clock) : ResponseConsumer<AgencyResponded>(db, clock);

public sealed class ComplaintResolvedConsumer(TriageDbContext db, TimeProvider clock) : ResponseConsumer<ComplaintResolved>(db, clock);

/// <summary>The reporter answered a question: a report a verifier put on hold returns to the queue.</summary>
public sealed class ReporterRepliedConsumer(TriageDbContext db, TimeProvider clock) : IdempotentConsumer<TriageDbContext, ReporterReplied>(db, clock)
{
    protected override async Task Handle(ReporterReplied message, CancellationToken cancellationToken) =>
        (await Db.Complaints.SingleOrDefaultAsync(c => c.ComplaintId == message.ComplaintId, cancellationToken))?.ReporterReplied(message);
}

/// <summary>The reporter was not satisfied: the agency's follow-up clock starts again.</summary>
public sealed class ComplaintReopenedConsumer(TriageDbContext db, TimeProvider clock, WorkingCalendar calendar)
    : IdempotentConsumer<TriageDbContext, ComplaintReopened>(db, clock)
{
    protected override async Task Handle(ComplaintReopened message, CancellationToken cancellationToken) =>
        (await Db.Complaints.SingleOrDefaultAsync(c => c.ComplaintId == message.ComplaintId, cancellationToken))?.Reopened(message, calendar);
}
