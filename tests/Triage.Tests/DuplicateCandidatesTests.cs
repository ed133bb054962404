using Lapor.Contracts;
using Lapor.Triage.Domain;
using Lapor.Triage.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Lapor.Triage.Tests;

/// <summary>Which stored reports a new one is compared with: same region and sector, filed within 14 days, still open.</summary>
public sealed class DuplicateCandidatesTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"lapor-dup-{Guid.NewGuid():N}.db");
    private readonly WorkingCalendar _calendar = new(new ConfigurationBuilder().Build());
    private TriageDbContext _db = null!;

    public async Task InitializeAsync()
    {
        _db = new TriageDbContext(new DbContextOptionsBuilder<TriageDbContext>().UseSqlite($"Data Source={_file}").Options);
        await _db.Database.EnsureCreatedAsync();
    }

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }

    private TriagedComplaint Stored(string title, DateTimeOffset filedAt, string region = "35.78", Sector sector = Sector.Infrastruktur, string agencyId = "35.78.dpupr")
    {
        var filed = new ComplaintSubmitted(Guid.NewGuid(), "LPR-DUP" + _db.ChangeTracker.Entries().Count().ToString("00000"), 1, filedAt, ReportType.Aduan,
            title, "Jalan depan pasar berlubang besar, motor sering jatuh.", null, region, Channel.Web, false, false);
        var decision = new RoutingDecision(ReportType.Aduan, sector, agencyId, agencyId, region, 0.9, [], []);
        var (complaint, _) = TriagedComplaint.Triage(filed, decision, null, _calendar, filedAt);
        _db.Complaints.Add(complaint);
        return complaint;
    }

    [Fact]
    public async Task Open_reports_of_the_last_14_days_in_the_same_region_and_sector_are_candidates_newest_first()
    {
        var recent = Stored("Jalan berlubang kemarin", Now.AddDays(-1));
        var thirteenDays = Stored("Jalan berlubang dua minggu", Now.AddDays(-13));
        Stored("Jalan berlubang lama", Now.AddDays(-15));
        Stored("Jalan berlubang di kota lain", Now.AddDays(-1), region: "61.71", agencyId: "61.71.dpupr");
        Stored("Puskesmas tutup", Now.AddDays(-1), sector: Sector.Kesehatan, agencyId: "35.78.dinkes");
        var archived = Stored("Jalan berlubang diarsipkan", Now.AddDays(-2), agencyId: Agency.AdminDesk);
        archived.Archive("duplikat", "verifier", Now.AddDays(-2));
        var resolved = Stored("Jalan berlubang sudah ditambal", Now.AddDays(-3));
        resolved.Resolved(new ComplaintResolved(resolved.ComplaintId, resolved.TrackingId, 3, Now.AddDays(-2), "35.78.dpupr", "Dinas PU", "Sudah ditambal"));
        await _db.SaveChangesAsync();

        var candidates = await _db.DuplicateCandidates("35.78", Sector.Infrastruktur, Now).ToListAsync();

        Assert.Equal([recent.ComplaintId, thirteenDays.ComplaintId], candidates.Select(c => c.ComplaintId));
    }
}
