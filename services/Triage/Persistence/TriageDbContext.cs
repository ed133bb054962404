using Lapor.ServiceDefaults.Persistence;
using Lapor.Triage.Domain;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Triage.Persistence;

public sealed class TriageDbContext(DbContextOptions<TriageDbContext> options) : ServiceDbContext(options)
{
    public DbSet<Agency> Agencies => Set<Agency>();
    public DbSet<TriagedComplaint> Complaints => Set<TriagedComplaint>();
    public DbSet<Correction> Corrections => Set<Correction>();
}
