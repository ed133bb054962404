using Lapor.Contracts;
using Lapor.Intake.Domain;
using Lapor.Intake.Persistence;
using Lapor.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Intake.Consumers;

/// <summary>
/// Applies another service's event about a report to the citizen's status and timeline, and queues the e-mail and SMS the
/// reporter should get about it (for each configured medium they left an address for) in the same transaction.
/// </summary>
public abstract class TimelineConsumer<TEvent>(IntakeDbContext db, TimeProvider clock, ReporterVault vault, IEnumerable<IReporterMessenger> messengers)
    : IdempotentConsumer<IntakeDbContext, TEvent>(db, clock)
    where TEvent : class, IComplaintEvent
{
    protected override async Task Handle(TEvent message, CancellationToken cancellationToken)
    {
        var complaint = await Db.FindLoadedAsync<Complaint, Guid>(message.ComplaintId, cancellationToken)
            ?? throw new InvalidOperationException($"Report {message.ComplaintId} is not in intake's database.");
        complaint.Apply(message);
        // Decrypt the contact only for a step the reporter is told about.
        if (!messengers.Any() || !Notification.Tells(message) || complaint.SealedContact is null) return;
        var contact = vault.Open(complaint.SealedContact);
        foreach (var messenger in messengers)
            if (contact is not null && messenger.AddressOf(contact) is not null && Notification.For(complaint, message, Clock.GetUtcNow(), messenger.Medium) is { } notification)
                Db.Notifications.Add(notification);
    }
}

public sealed class ComplaintVerifiedConsumer(IntakeDbContext db, TimeProvider clock, ReporterVault vault, IEnumerable<IReporterMessenger> messengers) : TimelineConsumer<ComplaintVerified>(db, clock, vault, messengers);

public sealed class ComplaintRoutedConsumer(IntakeDbContext db, TimeProvider clock, ReporterVault vault, IEnumerable<IReporterMessenger> messengers) : TimelineConsumer<ComplaintRouted>(db, clock, vault, messengers);

public sealed class ComplaintForwardRequestedConsumer(IntakeDbContext db, TimeProvider clock, ReporterVault vault, IEnumerable<IReporterMessenger> messengers) : TimelineConsumer<ComplaintForwardRequested>(db, clock, vault, messengers);

public sealed class ReporterAskedConsumer(IntakeDbContext db, TimeProvider clock, ReporterVault vault, IEnumerable<IReporterMessenger> messengers) : TimelineConsumer<ReporterAsked>(db, clock, vault, messengers);

public sealed class AgencyRespondedConsumer(IntakeDbContext db, TimeProvider clock, ReporterVault vault, IEnumerable<IReporterMessenger> messengers) : TimelineConsumer<AgencyResponded>(db, clock, vault, messengers);

public sealed class ComplaintResolvedConsumer(IntakeDbContext db, TimeProvider clock, ReporterVault vault, IEnumerable<IReporterMessenger> messengers) : TimelineConsumer<ComplaintResolved>(db, clock, vault, messengers);

public sealed class ComplaintArchivedConsumer(IntakeDbContext db, TimeProvider clock, ReporterVault vault, IEnumerable<IReporterMessenger> messengers) : TimelineConsumer<ComplaintArchived>(db, clock, vault, messengers);

public sealed class FollowUpRestartedConsumer(IntakeDbContext db, TimeProvider clock, ReporterVault vault, IEnumerable<IReporterMessenger> messengers) : TimelineConsumer<FollowUpRestarted>(db, clock, vault, messengers);
