using Lapor.AgencyDesk.Domain;
using Lapor.Contracts;
using Lapor.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lapor.AgencyDesk.Persistence;

public sealed class DeskDbContext(DbContextOptions<DeskDbContext> options) : ServiceDbContext(options)
{
    private readonly Dictionary<string, string> _renames = [];
    private readonly Dictionary<(string AgencyId, ComplaintStatus Status), long> _counts = [];

    public DbSet<DeskComplaint> Complaints => Set<DeskComplaint>();
    public DbSet<PendingAttachment> PendingAttachments => Set<PendingAttachment>();
    public DbSet<DirectoryAgency> Agencies => Set<DirectoryAgency>();
    public DbSet<StatusCount> StatusCounts => Set<StatusCount>();
    public DbSet<ReadRecord> Reads => Set<ReadRecord>();
    public DbSet<Officer> Officers => Set<Officer>();
    public DbSet<DeskEscalation> Escalations => Set<DeskEscalation>();

    /// <summary>Renames the agency on all its reports, in one statement inside the next SaveChanges' transaction.</summary>
    public void RenameAgency(string agencyId, string name) => _renames[agencyId] = name;

    // Every SaveChanges moves the status counts by what it changes: a report added, moved to another agency or status.
    protected override bool HasSetBasedWrites => _renames.Count > 0 || CountChanges().Count > 0;

    private Dictionary<(string, ComplaintStatus), long> CountChanges()
    {
        _counts.Clear();
        foreach (var entry in ChangeTracker.Entries<DeskComplaint>())
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted)
                Add(entry.OriginalValues.GetValue<string>(nameof(DeskComplaint.AgencyId)), entry.OriginalValues.GetValue<ComplaintStatus>(nameof(DeskComplaint.Status)), -1);
            if (entry.State is EntityState.Added or EntityState.Modified)
                Add(entry.Entity.AgencyId, entry.Entity.Status, +1);
        }
        foreach (var unchanged in _counts.Where(c => c.Value == 0).Select(c => c.Key).ToList()) _counts.Remove(unchanged);
        return _counts;
    }

    private void Add(string agencyId, ComplaintStatus status, long delta) =>
        _counts[(agencyId, status)] = _counts.GetValueOrDefault((agencyId, status)) + delta;

    protected override async Task WriteSetBasedAsync(CancellationToken cancellationToken)
    {
        foreach (var (agencyId, name) in _renames)
            await Complaints.Where(c => c.AgencyId == agencyId && c.AgencyName != name)
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.AgencyName, name), cancellationToken);
        foreach (var ((agencyId, status), delta) in _counts)
            await Database.ExecuteSqlInterpolatedAsync(
                $"INSERT INTO status_counts (\"AgencyId\", \"Status\", \"Count\") VALUES ({agencyId}, {status.ToString()}, {delta}) ON CONFLICT (\"AgencyId\", \"Status\") DO UPDATE SET \"Count\" = status_counts.\"Count\" + excluded.\"Count\"",
                cancellationToken);
    }

    protected override void ClearSetBasedWrites()
    {
        _renames.Clear();
        _counts.Clear();
    }
}
