using Lapor.Triage.Workers;
using Lapor.Contracts;
using Lapor.ServiceDefaults;
using Lapor.ServiceDefaults.Messaging;
using Lapor.ServiceDefaults.Telemetry;
using Lapor.Triage.Domain.Classification;
using Lapor.Triage.Domain;
using Lapor.Triage.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Triage.Consumers;

/// <summary>Classifies and routes a newly filed report; the decision and its events commit together.</summary>
public sealed class ComplaintSubmittedConsumer(TriageDbContext db, TimeProvider clock, TriageModel model, WorkingCalendar calendar, TriagePolicy policy)
    : IdempotentConsumer<TriageDbContext, ComplaintSubmitted>(db, clock)
{
    protected override async Task Handle(ComplaintSubmitted message, CancellationToken cancellationToken)
    {
        if (await FindReportAsync<TriagedComplaint>(message.ComplaintId, cancellationToken) is not null) return;

        var router = await model.GetRouterAsync(Db, cancellationToken);
        var decision = router.Decide(new TriageInput(message.Title, message.Text, message.Region, message.Sector, message.Type), policy.AutoVerifyConfidence);
        var words = WordPrint.Of(message.Title, message.Text);
        var cluster = await Duplicates.ClusterForAsync(words, EarlierReports(decision, message.OccurredAt), cancellationToken);
        var (complaint, events) = TriagedComplaint.Triage(message, decision, cluster, calendar, Clock.GetUtcNow(), words);

        Db.Complaints.Add(complaint);
        foreach (var e in events) Db.AddToOutbox(e);
        LaporTelemetry.ReportsRouted.Add(1, new("sector", LaporJson.WireName(decision.Sector)), new("route", LabelledReport.RouteOf(decision.AgencyId)));
        if (complaint.RoutedAt is { } routedAt) LaporTelemetry.FilingToRouting.Record((routedAt - message.OccurredAt).TotalSeconds);
    }

    /// <summary>
    /// The most recent reports of the same region and sector within the duplicates window, newest first: first those
    /// triaged earlier in this same transaction (a group commit takes copies filed at the same moment together, and
    /// they are not in the database yet), then the stored ones, streamed. Every report triaged before this one counts,
    /// even one filed a moment later: copies filed together are triaged in any order, and each must find the others.
    /// </summary>
    private async IAsyncEnumerable<Duplicates.Candidate> EarlierReports(RoutingDecision decision, DateTimeOffset filedAt)
    {
        var since = filedAt - Duplicates.Window;
        var pending = Db.Added<TriagedComplaint>()
            .Where(c => c.Region == decision.Region && c.Sector == decision.Sector && c.FiledAt >= since && c.Words is not null)
            .OrderByDescending(c => c.FiledAt).ToList();
        foreach (var c in pending) yield return new Duplicates.Candidate(c.ComplaintId, c.ClusterId, c.Words!);

        await foreach (var candidate in Db.DuplicateCandidates(decision.Region, decision.Sector, filedAt).AsAsyncEnumerable()) yield return candidate;
    }
}
