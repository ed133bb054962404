using Lapor.Contracts;
using Lapor.Intake.Domain;
using Lapor.Intake.Persistence;
using Lapor.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Intake.Consumers;

/// <summary>
/// Applies another service's event about a report to the citizen's status and timeline, and queues the e-mail the
/// reporter should get about it (when e-mail is configured and they left an address) in the same transaction.
/// </summary>
public abstract class TimelineConsumer<TEvent>(IntakeDbContext db, TimeProvider clock, ReporterVault vault, SmtpSettings? smtp = null)
    : IdempotentConsumer<IntakeDbContext, TEvent>(db, clock)
    where TEvent : class, IComplaintEvent
{
    protected override async Task Handle(TEvent message, CancellationToken cancellationToken)
    {
        var complaint = await Db.Complaints.SingleAsync(c => c.Id == message.ComplaintId, cancellationToken);
        complaint.Apply(message);
        // Decrypt the contact only for a step the reporter is told about.
        if (smtp is not null && Notification.For(complaint, message, Clock.GetUtcNow()) is { } notification
            && vault.Open(complaint.SealedContact)?.Email is not null)
            Db.Notifications.Add(notification);
    }
}

public sealed class ComplaintVerifiedConsumer(IntakeDbContext db, TimeProvider clock, ReporterVault vault, SmtpSettings? smtp = null) : TimelineConsumer<ComplaintVerified>(db, clock, vault, smtp);

public sealed class ComplaintRoutedConsumer(IntakeDbContext db, TimeProvider clock, ReporterVault vault, SmtpSettings? smtp = null) : TimelineConsumer<ComplaintRouted>(db, clock, vault, smtp);

public sealed class ComplaintForwardRequestedConsumer(IntakeDbContext db, TimeProvider clock, ReporterVault vault, SmtpSettings? smtp = null) : TimelineConsumer<ComplaintForwardRequested>(db, clock, vault, smtp);

public sealed class ReporterAskedConsumer(IntakeDbContext db, TimeProvider clock, ReporterVault vault, SmtpSettings? smtp = null) : TimelineConsumer<ReporterAsked>(db, clock, vault, smtp);

public sealed class AgencyRespondedConsumer(IntakeDbContext db, TimeProvider clock, ReporterVault vault, SmtpSettings? smtp = null) : TimelineConsumer<AgencyResponded>(db, clock, vault, smtp);

public sealed class ComplaintResolvedConsumer(IntakeDbContext db, TimeProvider clock, ReporterVault vault, SmtpSettings? smtp = null) : TimelineConsumer<ComplaintResolved>(db, clock, vault, smtp);

public sealed class ComplaintArchivedConsumer(IntakeDbContext db, TimeProvider clock, ReporterVault vault, SmtpSettings? smtp = null) : TimelineConsumer<ComplaintArchived>(db, clock, vault, smtp);
