using Lapor.Contracts;
using Lapor.Intake.Persistence;
using Lapor.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Intake.Consumers;

/// <summary>Applies another service's event about a report to the citizen's status and timeline.</summary>
public abstract class TimelineConsumer<TEvent>(IntakeDbContext db, TimeProvider clock) : IdempotentConsumer<IntakeDbContext, TEvent>(db, clock)
    where TEvent : class, IComplaintEvent
{
    protected override async Task Handle(TEvent message, CancellationToken cancellationToken)
    {
        var complaint = await Db.Complaints.SingleAsync(c => c.Id == message.ComplaintId, cancellationToken);
        complaint.Apply(message);
    }
}

public sealed class ComplaintVerifiedConsumer(IntakeDbContext db, TimeProvider clock) : TimelineConsumer<ComplaintVerified>(db, clock);

public sealed class ComplaintRoutedConsumer(IntakeDbContext db, TimeProvider clock) : TimelineConsumer<ComplaintRouted>(db, clock);

public sealed class ComplaintForwardRequestedConsumer(IntakeDbContext db, TimeProvider clock) : TimelineConsumer<ComplaintForwardRequested>(db, clock);

public sealed class ReporterAskedConsumer(IntakeDbContext db, TimeProvider clock) : TimelineConsumer<ReporterAsked>(db, clock);

public sealed class AgencyRespondedConsumer(IntakeDbContext db, TimeProvider clock) : TimelineConsumer<AgencyResponded>(db, clock);

public sealed class ComplaintResolvedConsumer(IntakeDbContext db, TimeProvider clock) : TimelineConsumer<ComplaintResolved>(db, clock);

public sealed class ComplaintArchivedConsumer(IntakeDbContext db, TimeProvider clock) : TimelineConsumer<ComplaintArchived>(db, clock);
