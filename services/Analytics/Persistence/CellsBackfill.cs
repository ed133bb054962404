using Lapor.Analytics.Domain;
using Lapor.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Analytics.Persistence;

/// <summary>
/// A database upgraded from before the pre-aggregated cells (or the agencies' holdings) has reports but no cells (or
/// routed reports but no holdings): rebuild them once from the kept events at start-up, so figures never silently read as zero.
/// </summary>
public sealed class CellsBackfill : ISeeder<AnalyticsDbContext>
{
    public async Task SeedAsync(AnalyticsDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Figures.AnyAsync(cancellationToken) && await db.Complaints.AnyAsync(cancellationToken)
            || !await db.Holdings.AnyAsync(cancellationToken) && await db.Complaints.AnyAsync(c => c.RoutedAt != null, cancellationToken))
            await Projection.RebuildAsync(db, cancellationToken);
    }
}
