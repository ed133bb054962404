using Lapor.AgencyDesk.Domain;
using Lapor.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lapor.AgencyDesk.Persistence;

public sealed class DeskDbContext(DbContextOptions<DeskDbContext> options) : ServiceDbContext(options)
{
    private readonly Dictionary<string, string> _renames = [];

    public DbSet<DeskComplaint> Complaints => Set<DeskComplaint>();
    public DbSet<PendingAttachment> PendingAttachments => Set<PendingAttachment>();
    public DbSet<DirectoryAgency> Agencies => Set<DirectoryAgency>();

    /// <summary>Renames the agency on all its reports, in one statement inside the next SaveChanges' transaction.</summary>
    public void RenameAgency(string agencyId, string name) => _renames[agencyId] = name;

    protected override bool HasSetBasedWrites => _renames.Count > 0;

    protected override async Task WriteSetBasedAsync(CancellationToken cancellationToken)
    {
        foreach (var (agencyId, name) in _renames)
            await Complaints.Where(c => c.AgencyId == agencyId && c.AgencyName != name)
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.AgencyName, name), cancellationToken);
    }

    protected override void ClearSetBasedWrites() => _renames.Clear();
}
