using Lapor.Contracts;
using Lapor.Intake.Domain;
using Lapor.Intake.Persistence;
using Lapor.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Intake.Consumers;

/// <summary>
/// Applies another service's event about a report to the citizen's status and timeline, and queues the e-mail and SMS the
/// reporter should get about it (for each configured medium they left an address for) in the same transaction. One
/// consumer per event type, registered in <see cref="IntakeExtensions"/>.
/// </summary>
public sealed class TimelineConsumer<TEvent>(IntakeDbContext db, TimeProvider clock, ReporterVault vault, IEnumerable<IReporterMessenger> messengers)
    : IdempotentConsumer<IntakeDbContext, TEvent>(db, clock)
    where TEvent : class, IComplaintEvent
{
    protected override async Task Handle(TEvent message, CancellationToken cancellationToken)
    {
        var complaint = await FindReportAsync<Complaint>(message.ComplaintId, cancellationToken)
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
