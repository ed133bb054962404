using Lapor.Analytics.Domain;
using Lapor.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Analytics.Persistence;

public sealed class AnalyticsDbContext(DbContextOptions<AnalyticsDbContext> options) : ServiceDbContext(options)
{
    private readonly List<DailyFigures> _figures = [];
    private readonly List<DailyDetail> _details = [];

    public DbSet<ComplaintFact> Complaints => Set<ComplaintFact>();
    public DbSet<EventRecord> Events => Set<EventRecord>();
    public DbSet<DailyFigures> Figures => Set<DailyFigures>();
    public DbSet<DailyDetail> Details => Set<DailyDetail>();
    public DbSet<DirectoryAgency> Agencies => Set<DirectoryAgency>();
    public DbSet<AgencyHolding> Holdings => Set<AgencyHolding>();

    /// <summary>Adds to the pre-aggregated cells in the transaction of the next SaveChanges.</summary>
    public void AddToCells(IEnumerable<DailyFigures> figures, IEnumerable<DailyDetail> details)
    {
        _figures.AddRange(figures);
        _details.AddRange(details);
    }

    protected override bool HasSetBasedWrites => _figures.Count > 0 || _details.Count > 0;

    protected override async Task WriteSetBasedAsync(CancellationToken cancellationToken)
    {
        await CellWriter.AddAsync(this, CellWriter.Sum(_figures), cancellationToken);
        await CellWriter.AddAsync(this, CellWriter.Sum(_details), cancellationToken);
    }

    protected override void ClearSetBasedWrites()
    {
        _figures.Clear();
        _details.Clear();
    }
}
