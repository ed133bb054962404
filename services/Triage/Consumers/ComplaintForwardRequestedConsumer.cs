using Lapor.Triage.Workers;
using Lapor.Contracts;
using Lapor.ServiceDefaults.Messaging;
using Lapor.Triage.Domain;
using Lapor.Triage.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Triage.Consumers;

/// <summary>
/// Re-routes a report an agency passed on (disposisi ulang), keeping the hop count; a route to the agency it named is
/// kept as a corrected example, as a verifier's is, so that retraining learns from it (a coordinating desk's take-over is not).
/// </summary>
public sealed class ComplaintForwardRequestedConsumer(TriageDbContext db, TimeProvider clock, WorkingCalendar calendar, TriageModel model)
    : IdempotentConsumer<TriageDbContext, ComplaintForwardRequested>(db, clock)
{
    protected override async Task Handle(ComplaintForwardRequested message, CancellationToken cancellationToken)
    {
        var complaint = await FindReportAsync<TriagedComplaint>(message.ComplaintId, cancellationToken)
            ?? throw new InvalidOperationException($"Report {message.ComplaintId} is not in triage's database.");
        var agencies = (await model.GetRouterAsync(Db, cancellationToken)).Agencies;
        var routed = complaint.Forward(message, agencies, calendar, Clock.GetUtcNow());
        Db.AddToOutbox(routed);
        // A coordinating desk's take-over says who missed a deadline, not where the report belongs: nothing to learn.
        if (routed.AgencyId == message.TargetAgencyId && routed.AgencyId != Agency.AdminDesk && !Lapor.Contracts.Reference.AgencyDirectory.IsCoordinatingDesk(routed.AgencyId))
            Db.Corrections.Add(Correction.Of(complaint, routed.OccurredAt));
    }
}
