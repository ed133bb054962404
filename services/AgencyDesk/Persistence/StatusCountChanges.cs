using Lapor.AgencyDesk.Domain;
using Lapor.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Lapor.AgencyDesk.Persistence;

/// <summary>
/// The inbox's per-agency status counts (<see cref="StatusCount"/>), kept as reports change instead of counted per page:
/// what a unit of work changes — a report added, moved to another agency or to another status — becomes one
/// <c>INSERT … ON CONFLICT … Count + delta</c> per agency and status, which <see cref="DeskDbContext"/> writes inside
/// the same SaveChanges transaction as the reports themselves.
/// </summary>
internal sealed class StatusCountChanges
{
    private readonly Dictionary<(string AgencyId, ComplaintStatus Status), long> _deltas = [];

    /// <summary>Reads the tracked reports' changes; returns how many counts they move.</summary>
    public int Collect(ChangeTracker changes)
    {
        _deltas.Clear();
        foreach (var entry in changes.Entries<DeskComplaint>())
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted)
                Add(entry.OriginalValues.GetValue<string>(nameof(DeskComplaint.AgencyId)), entry.OriginalValues.GetValue<ComplaintStatus>(nameof(DeskComplaint.Status)), -1);
            if (entry.State is EntityState.Added or EntityState.Modified)
                Add(entry.Entity.AgencyId, entry.Entity.Status, +1);
        }
        foreach (var unchanged in _deltas.Where(c => c.Value == 0).Select(c => c.Key).ToList()) _deltas.Remove(unchanged);
        return _deltas.Count;
    }

    public async Task WriteAsync(DatabaseFacade database, CancellationToken cancellationToken)
    {
        foreach (var ((agencyId, status), delta) in _deltas)
            await database.ExecuteSqlInterpolatedAsync(
                $"INSERT INTO status_counts (\"AgencyId\", \"Status\", \"Count\") VALUES ({agencyId}, {status.ToString()}, {delta}) ON CONFLICT (\"AgencyId\", \"Status\") DO UPDATE SET \"Count\" = status_counts.\"Count\" + excluded.\"Count\"",
                cancellationToken);
    }

    public void Clear() => _deltas.Clear();

    private void Add(string agencyId, ComplaintStatus status, long delta) =>
        _deltas[(agencyId, status)] = _deltas.GetValueOrDefault((agencyId, status)) + delta;
}
