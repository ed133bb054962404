using Lapor.AgencyDesk.Domain;
using Lapor.Contracts;
using Lapor.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lapor.AgencyDesk.Persistence;

public sealed class DeskDbContext(DbContextOptions<DeskDbContext> options) : ServiceDbContext(options)
{
    private readonly Dictionary<string, string> _renames = [];
    private readonly StatusCountChanges _statusCounts = new();

    public DbSet<DeskComplaint> Complaints => Set<DeskComplaint>();
    public DbSet<PendingAttachment> PendingAttachments => Set<PendingAttachment>();
    public DbSet<DirectoryAgency> Agencies => Set<DirectoryAgency>();
    public DbSet<StatusCount> StatusCounts => Set<StatusCount>();
    public DbSet<ReadRecord> Reads => Set<ReadRecord>();
    public DbSet<Officer> Officers => Set<Officer>();
    public DbSet<DeskEscalation> Escalations => Set<DeskEscalation>();
    public DbSet<OfficerNotice> Notices => Set<OfficerNotice>();
    public DbSet<SavedView> SavedViews => Set<SavedView>();

    /// <summary>Renames the agency on all its reports, in one statement inside the next SaveChanges' transaction.</summary>
    public void RenameAgency(string agencyId, string name) => _renames[agencyId] = name;

    /// <summary>Asked by every SaveChanges: the inbox's status counts move with every saved change to a report, in its transaction.</summary>
    protected override bool HasSetBasedWrites
    {
        get
        {
            var countsMoved = _statusCounts.Collect(ChangeTracker);
            return _renames.Count > 0 || countsMoved > 0;
        }
    }

    protected override async Task WriteSetBasedAsync(CancellationToken cancellationToken)
    {
        foreach (var (agencyId, name) in _renames)
            await Complaints.Where(c => c.AgencyId == agencyId && c.AgencyName != name)
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.AgencyName, name), cancellationToken);
        await _statusCounts.WriteAsync(Database, cancellationToken);
    }

    protected override void ClearSetBasedWrites()
    {
        _renames.Clear();
        _statusCounts.Clear();
    }
}
