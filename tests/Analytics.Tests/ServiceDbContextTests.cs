using Lapor.Analytics.Domain;
using Lapor.Analytics.Persistence;
using Lapor.Contracts;
using Lapor.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.Analytics.Tests;

/// <summary>The service's contexts as every service uses them: pooled, and loaded a message group at a time.</summary>
public sealed class ServiceDbContextTests : IAsyncLifetime
{
    private readonly AnalyticsHost _host = new(DateTimeOffset.UtcNow);

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Counts_a_failed_unit_of_work_added_are_not_written_by_the_next_one_that_gets_its_context()
    {
        AnalyticsDbContext abandoned;
        await using (var scope = _host.Services.CreateAsyncScope())
        {
            abandoned = scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>();
            abandoned.AddToCells([new DailyFigures { Grain = 0, Day = 1, AgencyId = "pool.test", Sector = "kesehatan", Region = "31", Filed = 1 }], []);
        }

        // The pool is a queue other units of work (the host's background services) also use: take contexts, keeping
        // each, until the abandoned one comes round.
        var taken = new List<AsyncServiceScope>();
        try
        {
            AnalyticsDbContext? next = null;
            while (next is null && taken.Count < 200)
            {
                var scope = _host.Services.CreateAsyncScope();
                taken.Add(scope);
                var context = scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>();
                if (ReferenceEquals(context, abandoned)) next = context;
            }
            Assert.NotNull(next);
            await next.SaveChangesAsync();
        }
        finally
        {
            foreach (var scope in taken) await scope.DisposeAsync();
        }

        await using (var scope = _host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>();
            Assert.False(await db.Figures.AnyAsync(f => f.AgencyId == "pool.test"));
        }
    }

    private async Task StoreAsync(Guid reportId)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>();
        db.Complaints.Add(ComplaintFact.For(reportId));
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task After_a_group_load_a_report_the_load_did_not_find_is_not_looked_for_again_and_the_next_unit_of_work_looks_again()
    {
        var (stored, absent, outside) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await StoreAsync(stored);
        var ids = new List<Guid> { stored, absent };

        await using (var scope = _host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>();
            await db.LoadForGroupAsync(db.Complaints.Where(f => ids.Contains(f.ComplaintId)), ids, CancellationToken.None);
            // Stored by someone else after the load: the group goes by what its load found.
            await StoreAsync(absent);
            await StoreAsync(outside);

            Assert.Equal(stored, (await db.FindLoadedAsync<ComplaintFact, Guid>(stored, CancellationToken.None))?.ComplaintId);
            Assert.Null(await db.FindLoadedAsync<ComplaintFact, Guid>(absent, CancellationToken.None));
            // A key the load did not ask for is looked up in the database as usual.
            Assert.Equal(outside, (await db.FindLoadedAsync<ComplaintFact, Guid>(outside, CancellationToken.None))?.ComplaintId);
        }

        await using (var scope = _host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>();
            Assert.Equal(absent, (await db.FindLoadedAsync<ComplaintFact, Guid>(absent, CancellationToken.None))?.ComplaintId);
        }
    }

    [Fact]
    public async Task A_row_added_in_this_unit_of_work_is_found_before_it_is_saved()
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>();
        var reportId = Guid.NewGuid();
        db.Complaints.Add(ComplaintFact.For(reportId));

        Assert.NotNull(await db.FindLoadedAsync<ComplaintFact, Guid>(reportId, CancellationToken.None));
        Assert.Equal([reportId], db.Added<ComplaintFact>().Select(f => f.ComplaintId));
    }

    /// <summary>
    /// A group of routed reports, some stored with their agency's holding already: the group's loads fetch their facts
    /// and holdings, and projecting the whole group asks the database nothing more — however many reports it holds.
    /// </summary>
    [Fact]
    public async Task A_group_of_routed_reports_reads_its_facts_and_holdings_in_one_query_each()
    {
        var now = DateTimeOffset.UtcNow;
        IComplaintEvent Routed(Guid id, int sequence) => new ComplaintRouted(id, "LPR-G", sequence, now, ReportType.Aduan, Sector.Infrastruktur, "35.78",
            "35.78.dpupr", "Dinas PU", 0.9, "jalan rusak", "jalan rusak", false, now, now.AddDays(7));
        var earlier = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid()).ToList();
        await using (var scope = _host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>();
            foreach (var id in earlier) await Projection.ApplyAsync(db, Guid.NewGuid(), Routed(id, 2), CancellationToken.None);
            await db.SaveChangesAsync();
        }
        IReadOnlyList<object> group = [.. earlier.Select(id => Routed(id, 5)), .. Enumerable.Range(0, 15).Select(_ => Routed(Guid.NewGuid(), 2))];

        await using (var scope = _host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>();
            _host.Commands.Watch(db);
            foreach (var loader in scope.ServiceProvider.GetServices<IGroupLoader<AnalyticsDbContext>>()) await loader.LoadAsync(db, group, CancellationToken.None);
            foreach (IComplaintEvent e in group) await Projection.ApplyAsync(db, Guid.NewGuid(), e, CancellationToken.None);

            Assert.Equal(2, _host.Commands.Count);
            // The stored holdings were found, not added again beside them.
            Assert.Equal(15, db.Added<AgencyHolding>().Count);
            Assert.Equal(20, db.Tracked<AgencyHolding>(_ => true).Count);
        }
    }
}
