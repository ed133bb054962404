using Lapor.Contracts;
using Lapor.Intake.Persistence;
using Lapor.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Intake.Consumers;

public sealed class ComplaintRoutedConsumer(IntakeDbContext db, TimeProvider clock)
    : IdempotentConsumer<IntakeDbContext, ComplaintRouted>(db, clock)
{
    protected override async Task Handle(ComplaintRouted message, CancellationToken cancellationToken)
    {
        var complaint = await Db.Complaints.SingleAsync(c => c.Id == message.ComplaintId, cancellationToken);
        complaint.Routed(message);
    }
}
