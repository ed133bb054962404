using Lapor.Triage.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Triage.Domain;

/// <summary>The agency directory held in memory (a few hundred rows read on every decision); reloaded after a change.</summary>
public sealed class AgencyDirectory
{
    private volatile IReadOnlyList<Agency>? _agencies;

    public async Task<IReadOnlyList<Agency>> GetAsync(TriageDbContext db, CancellationToken cancellationToken) =>
        _agencies ??= await db.Agencies.AsNoTracking().OrderBy(a => a.Id).ToListAsync(cancellationToken);

    public void Invalidate() => _agencies = null;
}
