using Lapor.Triage.Workers;
using Lapor.Contracts;
using Lapor.Triage.Domain;
using Lapor.Triage.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Lapor.Triage.Tests;

/// <summary>A replica's router follows the directory another replica edited, on its next refresh, and only then retrains.</summary>
public sealed class TriageModelTests : IAsyncLifetime
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"lapor-model-{Guid.NewGuid():N}.db");
    private TriageDbContext _db = null!;

    public async Task InitializeAsync()
    {
        _db = Open();
        await _db.Database.EnsureCreatedAsync();
        await new AgencySeeder().SeedAsync(_db, CancellationToken.None);
    }

    private TriageDbContext Open() => new(new DbContextOptionsBuilder<TriageDbContext>().UseSqlite($"Data Source={_file}").Options);

    [Fact]
    public async Task An_edit_made_elsewhere_is_picked_up_by_the_next_refresh_and_nothing_is_retrained_without_one()
    {
        var model = new TriageModel(NullLogger<TriageModel>.Instance);
        var before = await model.GetRouterAsync(_db, CancellationToken.None);
        Assert.False(await model.RefreshIfChangedAsync(_db, CancellationToken.None));
        Assert.Same(before, await model.GetRouterAsync(_db, CancellationToken.None));

        // Another replica's verifier renames an agency (its own context, its own transaction).
        await using (var elsewhere = Open())
        {
            var agency = await elsewhere.Agencies.SingleAsync(a => a.Id == "61.71.dpupr");
            elsewhere.AddToOutbox(agency.Edit(new Agency.Details("Dinas PUPR Kota Pontianak (baru)", AgencyLevel.Kota, "61.71", [Sector.Infrastruktur], agency.Handles),
                "verifier-2", "rename", DateTimeOffset.UtcNow));
            await elsewhere.SaveChangesAsync();
        }

        Assert.True(await model.RefreshIfChangedAsync(_db, CancellationToken.None));
        var after = await model.GetRouterAsync(_db, CancellationToken.None);
        Assert.NotSame(before, after);
        Assert.Equal("Dinas PUPR Kota Pontianak (baru)", after.Agencies.Single(a => a.Id == "61.71.dpupr").Name);
        Assert.False(await model.RefreshIfChangedAsync(_db, CancellationToken.None));
    }

    [Fact]
    public async Task Two_verifiers_editing_one_agency_at_once_cannot_both_take_the_next_version()
    {
        await using var first = Open();
        await using var second = Open();
        var mine = await first.Agencies.SingleAsync(a => a.Id == "36.73.dlh");
        var theirs = await second.Agencies.SingleAsync(a => a.Id == "36.73.dlh");
        var details = new Agency.Details("Dinas Lingkungan Hidup Kota Serang", AgencyLevel.Kota, "36.73", [Sector.Lingkungan], mine.Handles);
        mine.Edit(details, "verifier-1", null, DateTimeOffset.UtcNow);
        theirs.Edit(details with { Name = "DLH Kota Serang" }, "verifier-2", null, DateTimeOffset.UtcNow);
        await first.SaveChangesAsync();
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
    }

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }
}
