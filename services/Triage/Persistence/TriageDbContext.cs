using Lapor.ServiceDefaults.Persistence;
using Lapor.Triage.Domain;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Triage.Persistence;

public sealed class TriageDbContext(DbContextOptions<TriageDbContext> options) : ServiceDbContext(options)
{
    public DbSet<Agency> Agencies => Set<Agency>();
    public DbSet<TriagedComplaint> Complaints => Set<TriagedComplaint>();
    public DbSet<Correction> Corrections => Set<Correction>();

    /// <summary>
    /// The stored reports a report filed at <paramref name="filedAt"/> may repeat: same region and sector, filed within
    /// <see cref="Duplicates.Window"/> before it (or after: copies filed together are triaged in any order), still open
    /// (neither archived nor resolved); the newest <see cref="Duplicates.Candidates"/> first, untracked.
    /// </summary>
    public IQueryable<Duplicates.Candidate> DuplicateCandidates(string? region, Lapor.Contracts.Sector sector, DateTimeOffset filedAt)
    {
        var since = filedAt - Duplicates.Window;
        return Complaints.AsNoTracking()
            .Where(c => c.Region == region && c.Sector == sector && c.FiledAt >= since && c.ArchivedAt == null && c.ResolvedAt == null && c.Words != null)
            .OrderByDescending(c => c.FiledAt).Take(Duplicates.Candidates)
            .Select(c => new Duplicates.Candidate(c.ComplaintId, c.ClusterId, c.Words!));
    }
}
