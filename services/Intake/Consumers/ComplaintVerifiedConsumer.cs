using Lapor.Contracts;
using Lapor.Intake.Persistence;
using Lapor.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Intake.Consumers;

public sealed class ComplaintVerifiedConsumer(IntakeDbContext db, TimeProvider clock)
    : IdempotentConsumer<IntakeDbContext, ComplaintVerified>(db, clock)
{
    protected override async Task Handle(ComplaintVerified message, CancellationToken cancellationToken)
    {
        var complaint = await Db.Complaints.SingleAsync(c => c.Id == message.ComplaintId, cancellationToken);
        complaint.Verified(message);
    }
}
