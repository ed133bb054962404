using Lapor.AgencyDesk.Domain;
using Lapor.AgencyDesk.Persistence;
using Lapor.Contracts;
using Lapor.ServiceDefaults.Messaging;
using Lapor.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace Lapor.AgencyDesk.Tests;

/// <summary>
/// A message group of routed reports: once the group's loads have run, telling each report's desk — who hears of it,
/// which of its notices exist — asks the database nothing more, and tells exactly whom the queries would have told.
/// </summary>
public sealed class GroupLoadTests : IAsyncLifetime
{
    private const string Agency = "35.78.dpupr";
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 9, 0, 0, TimeSpan.FromHours(7));
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"lapor-desk-group-{Guid.NewGuid():N}.db");
    private readonly CommandCounter _commands = new();
    private readonly List<Guid> _reports = [.. Enumerable.Range(0, 5).Select(_ => Guid.NewGuid())];

    private DeskDbContext NewContext() =>
        new(new DbContextOptionsBuilder<DeskDbContext>().UseSqlite($"Data Source={_file}").AddInterceptors(_commands).Options);

    public async Task InitializeAsync()
    {
        await using var db = NewContext();
        await db.Database.EnsureCreatedAsync();
        db.Officers.AddRange(
            Officer.SignedIn(Agency, "penyelia-1", "Penyelia Satu", supervisor: true, email: null, Now),
            Officer.SignedIn(Agency, "penyelia-2", "Penyelia Dua", supervisor: true, email: null, Now),
            Officer.SignedIn("35.78.dinkes", "penyelia-lain", "Penyelia Dinkes", supervisor: true, email: null, Now));
        // The first report's first supervisor was told already (a notice stored before this group).
        db.Notices.Add(OfficerNotice.For(_reports[0], "LPR-G0", "Jalan rusak", Agency, "penyelia-1", NoticeKind.NewReport, Cause(0), Now));
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_file);
        return Task.CompletedTask;
    }

    private static string Cause(int i) => $"routed-{i}";

    private ComplaintRouted Routed(int i) => new(_reports[i], $"LPR-G{i}", 2, Now, ReportType.Aduan, Sector.Infrastruktur, "35.78", Agency, "Dinas PU",
        0.9, "Jalan rusak", "Jalan rusak di depan pasar.", false, Now, Now.AddDays(5));

    private async Task<(int Commands, List<string> Added)> TellEveryReportAsync(bool loadTheGroup)
    {
        await using var db = NewContext();
        IReadOnlyList<object> group = [.. Enumerable.Range(0, _reports.Count).Select(Routed)];
        if (loadTheGroup)
        {
            IGroupLoader<DeskDbContext>[] loaders =
            [
                new ReportRowsLoader<DeskDbContext, OfficerNotice>(d => d.Notices, n => n.ComplaintId),
                new OfficersLoader(),
            ];
            foreach (var loader in loaders) await loader.LoadAsync(db, group, CancellationToken.None);
        }
        _commands.Watch(db);
        for (var i = 0; i < _reports.Count; i++)
            await db.TellAsync(Agency, null, _reports[i], $"LPR-G{i}", "Jalan rusak", NoticeKind.NewReport, Cause(i), Now, CancellationToken.None);
        return (_commands.Count, db.Added<OfficerNotice>().Select(n => n.Key).Order().ToList());
    }

    [Fact]
    public async Task After_the_group_loads_no_report_asks_the_database_and_the_same_notices_are_added()
    {
        var queried = await TellEveryReportAsync(loadTheGroup: false);
        var loaded = await TellEveryReportAsync(loadTheGroup: true);

        Assert.Equal(2 * _reports.Count, queried.Commands); // the officers, then the notices' keys, for each report
        Assert.Equal(0, loaded.Commands);
        // Both supervisors of each report, but the one already told: and never the other agency's supervisor.
        Assert.Equal(2 * _reports.Count - 1, loaded.Added.Count);
        Assert.Equal(queried.Added, loaded.Added);
        Assert.DoesNotContain(loaded.Added, key => key.Contains("penyelia-lain"));
    }
}
