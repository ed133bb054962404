using System.Text.Json;
using Lapor.Contracts;
using Lapor.ServiceDefaults;
using Lapor.ServiceDefaults.Persistence;
using Lapor.Triage.Domain;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Triage.Persistence;

/// <summary>
/// Seeds the agency directory with the reference ids (sectors, Kemendagri regions, agencies). Adds the
/// agencies that are missing (announcing each as an <see cref="AgencyChanged"/>, version 1) and leaves existing
/// ones alone, so verifiers' edits survive restarts.
/// </summary>
public sealed class AgencySeeder : ISeeder<TriageDbContext>
{
    public async Task SeedAsync(TriageDbContext db, CancellationToken cancellationToken)
    {
        var existing = await db.Agencies.Select(a => a.Id).ToHashSetAsync(cancellationToken);
        var missing = Load().Where(a => !existing.Contains(a.Id)).ToList();
        if (missing.Count == 0) return;
        db.Agencies.AddRange(missing);
        // Other services learn the directory from the same events a verifier's edits produce.
        var now = DateTimeOffset.UtcNow;
        foreach (var agency in missing) db.AddToOutbox(agency.Changed("seed", "Agency directory seed", now));
        await db.SaveChangesAsync(cancellationToken);
    }

    public static IReadOnlyList<Agency> Load()
    {
        using var stream = typeof(AgencySeeder).Assembly.GetManifestResourceStream("Lapor.Triage.Seed.agencies.json")
            ?? throw new InvalidOperationException("The agency directory seed is missing from the assembly.");
        var directory = JsonSerializer.Deserialize<SeedDirectory>(stream, LaporJson.Options)!;
        return directory.Agencies.Select(a => new Agency
        {
            Id = a.Id,
            Name = a.Name,
            Level = a.Level,
            Region = a.Region,
            Sectors = a.Sectors,
            Handles = a.Handles,
        }).ToList();
    }

    private sealed record SeedDirectory(List<SeedAgency> Agencies);

    private sealed record SeedAgency(
        string Id,
        string Name,
        AgencyLevel Level,
        string? Region,
        List<Sector> Sectors,
        string Handles);
}
