using Lapor.Contracts;
using Lapor.ServiceDefaults;
using Lapor.ServiceDefaults.Messaging;
using Lapor.ServiceDefaults.Telemetry;
using Lapor.Triage.Domain.Classification;
using Lapor.Triage.Domain;
using Lapor.Triage.Persistence;

namespace Lapor.Triage.Consumers;

/// <summary>Classifies and routes a newly filed report; the decision and its events commit together.</summary>
public sealed class ComplaintSubmittedConsumer(TriageDbContext db, TimeProvider clock, TriageModel model, WorkingCalendar calendar)
    : IdempotentConsumer<TriageDbContext, ComplaintSubmitted>(db, clock)
{
    protected override async Task Handle(ComplaintSubmitted message, CancellationToken cancellationToken)
    {
        if (await Db.Complaints.FindAsync([message.ComplaintId], cancellationToken) is not null) return;

        var router = await model.GetRouterAsync(Db, cancellationToken);
        var decision = router.Decide(new TriageInput(message.Title, message.Text, message.Region, message.Sector, message.Type));
        var (complaint, events) = TriagedComplaint.Triage(message, decision, calendar, Clock.GetUtcNow());

        Db.Complaints.Add(complaint);
        foreach (var e in events) Db.AddToOutbox(e);
        LaporTelemetry.ReportsRouted.Add(1, new("sector", LaporJson.WireName(decision.Sector)), new("route", LabelledReport.RouteOf(decision.AgencyId)));
        if (complaint.RoutedAt is { } routedAt) LaporTelemetry.FilingToRouting.Record((routedAt - message.OccurredAt).TotalSeconds);
    }
}
