using Lapor.Contracts;
using Lapor.ServiceDefaults.Messaging;
using Lapor.Triage.Domain;
using Lapor.Triage.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Triage.Consumers;

/// <summary>Re-routes a report an agency passed on (disposisi ulang), keeping the hop count.</summary>
public sealed class ComplaintForwardRequestedConsumer(TriageDbContext db, TimeProvider clock, WorkingCalendar calendar, TriageModel model)
    : IdempotentConsumer<TriageDbContext, ComplaintForwardRequested>(db, clock)
{
    protected override async Task Handle(ComplaintForwardRequested message, CancellationToken cancellationToken)
    {
        var complaint = await Db.Complaints.SingleAsync(c => c.ComplaintId == message.ComplaintId, cancellationToken);
        var agencies = (await model.GetRouterAsync(Db, cancellationToken)).Agencies;
        Db.AddToOutbox(complaint.Forward(message, agencies, calendar, Clock.GetUtcNow()));
    }
}
