using Lapor.Contracts.Reference;
using Lapor.ServiceDefaults.Persistence;
using Lapor.Triage.Domain;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Triage.Persistence;

/// <summary>
/// Seeds the agency directory from the national reference (<see cref="AgencyDirectory"/>): adds the agencies that are
/// missing and leaves existing ones alone, so verifiers' edits survive restarts. The desk and analytics seed their own
/// copies from the same reference, so a start announces nothing; edits and additions travel as events.
/// </summary>
public sealed class AgencySeeder : ISeeder<TriageDbContext>
{
    public async Task SeedAsync(TriageDbContext db, CancellationToken cancellationToken)
    {
        var existing = await db.Agencies.Select(a => a.Id).ToHashSetAsync(cancellationToken);
        var missing = Load().Where(a => !existing.Contains(a.Id)).ToList();
        if (missing.Count == 0) return;
        // Thousands of new rows on a fresh database: nothing to compare them with, so no change detection.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.Agencies.AddRange(missing);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = true;
    }

    public static IReadOnlyList<Agency> Load() => [.. AgencyDirectory.All.Select(From)];

    private static Agency From(DirectoryEntry entry) => new()
    {
        Id = entry.Id,
        Name = entry.Name,
        Level = Enum.Parse<AgencyLevel>(entry.Level, ignoreCase: true),
        Region = entry.Region,
        Sectors = [.. entry.Sectors],
        Handles = entry.Handles,
    };
}
