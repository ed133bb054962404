using Lapor.AgencyDesk.Domain;
using Lapor.AgencyDesk.Persistence;
using Lapor.Contracts;
using Lapor.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Lapor.AgencyDesk.Consumers;

/// <summary>Keeps Intake's record that staff downloaded a reporter's attachment with the desk's own reads.</summary>
public sealed class ReportReadConsumer(DeskDbContext db, TimeProvider clock) : IdempotentConsumer<DeskDbContext, ReportRead>(db, clock)
{
    protected override async Task Handle(ReportRead message, CancellationToken cancellationToken)
    {
        var heldBy = await Db.Complaints.Where(c => c.ComplaintId == message.ComplaintId).Select(c => c.AgencyId).FirstOrDefaultAsync(cancellationToken);
        Db.Reads.Add(ReadRecord.Of(message, heldBy));
    }
}
