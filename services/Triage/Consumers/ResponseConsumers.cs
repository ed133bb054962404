using Lapor.Contracts;
using Lapor.ServiceDefaults.Messaging;
using Lapor.Triage.Domain;
using Lapor.Triage.Persistence;

namespace Lapor.Triage.Consumers;

/// <summary>Applies another service's event about a report to the deadlines triage keeps for it (if triage has it).</summary>
public abstract class TriagedComplaintConsumer<TEvent>(TriageDbContext db, TimeProvider clock) : IdempotentConsumer<TriageDbContext, TEvent>(db, clock)
    where TEvent : class, IComplaintEvent
{
    protected override async Task Handle(TEvent message, CancellationToken cancellationToken)
    {
        if (await FindReportAsync<TriagedComplaint>(message.ComplaintId, cancellationToken) is { } complaint)
            Apply(complaint, message);
    }

    protected abstract void Apply(TriagedComplaint complaint, TEvent message);
}

/// <summary>The agency's answer stops the follow-up clock and starts the wait for the reporter's reply.</summary>
public sealed class AgencyRespondedConsumer(TriageDbContext db, TimeProvider clock, WorkingCalendar calendar) : TriagedComplaintConsumer<AgencyResponded>(db, clock)
{
    protected override void Apply(TriagedComplaint complaint, AgencyResponded message) => complaint.Answered(message, calendar);
}

/// <summary>The agency resolved the report: no clock runs for it any more.</summary>
public sealed class ComplaintResolvedConsumer(TriageDbContext db, TimeProvider clock) : TriagedComplaintConsumer<ComplaintResolved>(db, clock)
{
    protected override void Apply(TriagedComplaint complaint, ComplaintResolved message) => complaint.Resolved(message);
}

/// <summary>The reporter answered: a report on hold returns to the queue; an answered one no longer closes by itself.</summary>
public sealed class ReporterRepliedConsumer(TriageDbContext db, TimeProvider clock, WorkingCalendar calendar) : TriagedComplaintConsumer<ReporterReplied>(db, clock)
{
    protected override void Apply(TriagedComplaint complaint, ReporterReplied message) => complaint.ReporterReplied(message, calendar);
}

/// <summary>The reporter was not satisfied: the agency's follow-up clock starts again, and the desk and the reporter are told its new deadline.</summary>
public sealed class ComplaintReopenedConsumer(TriageDbContext db, TimeProvider clock, WorkingCalendar calendar) : TriagedComplaintConsumer<ComplaintReopened>(db, clock)
{
    protected override void Apply(TriagedComplaint complaint, ComplaintReopened message)
    {
        if (complaint.Reopened(message, calendar) is { } restarted) Db.AddToOutbox(restarted);
    }
}
