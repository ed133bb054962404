using Lapor.Analytics.Domain;
using Lapor.Contracts.Reference;
using Lapor.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Analytics.Persistence;

/// <summary>Analytics' copy of the agency directory starts from the national reference; only missing ids are added, so newer names from events stay.</summary>
public sealed class DirectorySeeder(TimeProvider clock) : ISeeder<AnalyticsDbContext>
{
    public async Task SeedAsync(AnalyticsDbContext db, CancellationToken cancellationToken)
    {
        var existing = await db.Agencies.Select(a => a.Id).ToHashSetAsync(cancellationToken);
        var now = clock.GetUtcNow();
        // Thousands of new rows on a fresh database: nothing to compare them with, so no change detection.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.Agencies.AddRange(AgencyDirectory.All.Where(e => !existing.Contains(e.Id)).Select(e => DirectoryAgency.From(e.AsSeed(now))));
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = true;
    }
}
