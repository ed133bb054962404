using Lapor.Contracts;
using Lapor.Triage.Domain;
using Lapor.Triage.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Lapor.Triage.Tests;

/// <summary>Reports triaged before their words were kept get them at start-up (a real SQLite triage database).</summary>
public sealed class WordPrintBackfillTests : IAsyncLifetime
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"lapor-words-{Guid.NewGuid():N}.db");
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

    [Fact]
    public async Task A_report_without_kept_words_gets_the_words_of_its_title_and_text()
    {
        var now = DateTimeOffset.UtcNow;
        var filed = new ComplaintSubmitted(Guid.NewGuid(), "LPR-WORDS001", 1, now, ReportType.Aduan, "Jalan berlubang di Wonokromo",
            "Jalan di depan pasar berlubang besar, motor jatuh.", null, "35.78", Channel.Web, false, false);
        var decision = new RoutingDecision(ReportType.Aduan, Sector.Infrastruktur, Agency.AdminDesk, "admin", "35.78", 0.1, [], []);
        var (complaint, _) = TriagedComplaint.Triage(filed, decision, null, new WorkingCalendar(new ConfigurationBuilder().Build()), now);
        _db.Complaints.Add(complaint);
        await _db.SaveChangesAsync();
        await _db.Complaints.ExecuteUpdateAsync(set => set.SetProperty(c => c.Words, (WordPrint?)null));
        _db.ChangeTracker.Clear();
        Assert.Equal(1, await _db.Complaints.CountAsync(c => c.Words == null));

        await new WordPrintBackfill().SeedAsync(_db, CancellationToken.None);

        var kept = (await _db.Complaints.AsNoTracking().SingleAsync()).Words!;
        var expected = WordPrint.Of(filed.Title, filed.Text);
        Assert.Equal(expected.Title, kept.Title);
        Assert.Equal(expected.All, kept.All);
    }
}
