using Lapor.Analytics.Domain;
using Lapor.Analytics.Persistence;
using Lapor.Contracts;
using Lapor.ServiceDefaults.Messaging;

namespace Lapor.Analytics.Consumers;

/// <summary>
/// Keeps the event, projects it onto the report's fact row and adds the change in the report's contribution to the
/// pre-aggregated cells — all in one transaction with the inbox. One consumer per event type, registered in
/// <see cref="AnalyticsExtensions"/>.
/// </summary>
public sealed class ProjectionConsumer<TEvent>(AnalyticsDbContext db, TimeProvider clock)
    : IdempotentConsumer<AnalyticsDbContext, TEvent>(db, clock)
    where TEvent : class, IComplaintEvent
{
    protected override Task Handle(TEvent message, CancellationToken cancellationToken) =>
        Projection.ApplyAsync(Db, MessageId, message, cancellationToken);
}
