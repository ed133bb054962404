using Lapor.AgencyDesk.Domain;
using Lapor.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lapor.AgencyDesk.Persistence;

public sealed class DeskDbContext(DbContextOptions<DeskDbContext> options) : ServiceDbContext(options)
{
    public DbSet<DeskComplaint> Complaints => Set<DeskComplaint>();
    public DbSet<PendingAttachment> PendingAttachments => Set<PendingAttachment>();
}
