using Lapor.Analytics.Domain;
using Lapor.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Analytics.Persistence;

public sealed class AnalyticsDbContext(DbContextOptions<AnalyticsDbContext> options) : ServiceDbContext(options)
{
    public DbSet<ComplaintFact> Complaints => Set<ComplaintFact>();
    public DbSet<EventRecord> Events => Set<EventRecord>();
}
