using Lapor.AgencyDesk.Domain;
using Lapor.AgencyDesk.Persistence;
using Lapor.Contracts;
using Lapor.ServiceDefaults.Messaging;

namespace Lapor.AgencyDesk.Consumers;

/// <summary>Puts a routed report in the responsible agency's inbox (or moves it there after a forward).</summary>
public sealed class ComplaintRoutedConsumer(DeskDbContext db, TimeProvider clock)
    : IdempotentConsumer<DeskDbContext, ComplaintRouted>(db, clock)
{
    protected override async Task Handle(ComplaintRouted message, CancellationToken cancellationToken)
    {
        var existing = await Db.Complaints.FindAsync([message.ComplaintId], cancellationToken);
        if (existing is null) Db.Complaints.Add(DeskComplaint.Receive(message));
        else existing.Reroute(message);
    }
}
