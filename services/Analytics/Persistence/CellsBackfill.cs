using Lapor.Analytics.Domain;
using Lapor.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Analytics.Persistence;

/// <summary>
/// A database upgraded from before the pre-aggregated cells has reports but no cells: rebuild them once from the
/// kept events at start-up, so figures never silently read as zero.
/// </summary>
public sealed class CellsBackfill : ISeeder<AnalyticsDbContext>
{
    public async Task SeedAsync(AnalyticsDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Figures.AnyAsync(cancellationToken) && await db.Complaints.AnyAsync(cancellationToken))
            await Projection.RebuildAsync(db, cancellationToken);
    }
}
