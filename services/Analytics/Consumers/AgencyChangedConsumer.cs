using Lapor.Analytics.Domain;
using Lapor.Analytics.Persistence;
using Lapor.Contracts;
using Lapor.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Analytics.Consumers;

/// <summary>Keeps the names oversight tables show for agencies current with triage's directory.</summary>
public sealed class AgencyChangedConsumer(AnalyticsDbContext db, TimeProvider clock) : IdempotentConsumer<AnalyticsDbContext, AgencyChanged>(db, clock)
{
    protected override async Task Handle(AgencyChanged message, CancellationToken cancellationToken)
    {
        if (await Db.Agencies.SingleOrDefaultAsync(a => a.Id == message.AgencyId, cancellationToken) is { } known) known.Apply(message);
        else Db.Agencies.Add(DirectoryAgency.From(message));
    }
}
