using Lapor.Analytics.Domain;
using Lapor.Analytics.Persistence;
using Lapor.Contracts;
using Lapor.ServiceDefaults.Messaging;

namespace Lapor.Analytics.Consumers;

/// <summary>
/// Keeps the event, projects it onto the report's fact row and adds the change in the report's contribution to the
/// pre-aggregated cells — all in one transaction with the inbox.
/// </summary>
public abstract class ProjectionConsumer<TEvent>(AnalyticsDbContext db, TimeProvider clock)
    : IdempotentConsumer<AnalyticsDbContext, TEvent>(db, clock)
    where TEvent : class, IComplaintEvent
{
    protected override Task Handle(TEvent message, CancellationToken cancellationToken) =>
        Projection.ApplyAsync(Db, MessageId, message, cancellationToken);
}

public sealed class ComplaintSubmittedConsumer(AnalyticsDbContext db, TimeProvider clock) : ProjectionConsumer<ComplaintSubmitted>(db, clock);

public sealed class ComplaintVerifiedConsumer(AnalyticsDbContext db, TimeProvider clock) : ProjectionConsumer<ComplaintVerified>(db, clock);

public sealed class ComplaintRoutedConsumer(AnalyticsDbContext db, TimeProvider clock) : ProjectionConsumer<ComplaintRouted>(db, clock);

public sealed class ComplaintForwardRequestedConsumer(AnalyticsDbContext db, TimeProvider clock) : ProjectionConsumer<ComplaintForwardRequested>(db, clock);

public sealed class ReporterAskedConsumer(AnalyticsDbContext db, TimeProvider clock) : ProjectionConsumer<ReporterAsked>(db, clock);

public sealed class AgencyRespondedConsumer(AnalyticsDbContext db, TimeProvider clock) : ProjectionConsumer<AgencyResponded>(db, clock);

public sealed class ComplaintResolvedConsumer(AnalyticsDbContext db, TimeProvider clock) : ProjectionConsumer<ComplaintResolved>(db, clock);

public sealed class SlaBreachedConsumer(AnalyticsDbContext db, TimeProvider clock) : ProjectionConsumer<SlaBreached>(db, clock);

public sealed class ComplaintArchivedConsumer(AnalyticsDbContext db, TimeProvider clock) : ProjectionConsumer<ComplaintArchived>(db, clock);

public sealed class ReporterRepliedConsumer(AnalyticsDbContext db, TimeProvider clock) : ProjectionConsumer<ReporterReplied>(db, clock);

public sealed class ComplaintSupportedConsumer(AnalyticsDbContext db, TimeProvider clock) : ProjectionConsumer<ComplaintSupported>(db, clock);

public sealed class ComplaintRatedConsumer(AnalyticsDbContext db, TimeProvider clock) : ProjectionConsumer<ComplaintRated>(db, clock);

public sealed class ComplaintReopenedConsumer(AnalyticsDbContext db, TimeProvider clock) : ProjectionConsumer<ComplaintReopened>(db, clock);

public sealed class FollowUpRestartedConsumer(AnalyticsDbContext db, TimeProvider clock) : ProjectionConsumer<FollowUpRestarted>(db, clock);
