using Lapor.AgencyDesk.Persistence;
using Lapor.Analytics.Persistence;
using Lapor.Triage.Persistence;
using Lapor.EndToEnd.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Lapor.EndToEnd.Tests.Infrastructure.SkeletonFlow;

namespace Lapor.EndToEnd.Tests;

/// <summary>
/// A fresh embedded start: every service holds the whole national agency directory (each seeds its copy from the
/// reference), nothing waits in an outbox, a report filed the moment the host answers reaches the inbox, and the data
/// folder it creates is private to its account. Each test starts its own host.
/// </summary>
public sealed class StartupDeliveryTests
{
    [Fact]
    public async Task A_fresh_start_gives_every_service_the_whole_agency_directory()
    {
        await using var lapor = new EmbeddedLaporFactory();
        _ = lapor.CreateClient(); // starts the host

        var seeded = AgencySeeder.Load().Count;
        Assert.True(seeded > 5000, $"the national directory, not only the reference ({seeded})");
        Assert.Equal(seeded, await CountAsync<TriageDbContext>(lapor, db => db.Agencies.CountAsync()));
        Assert.Equal(seeded, await CountAsync<DeskDbContext>(lapor, db => db.Agencies.CountAsync()));
        Assert.Equal(seeded, await CountAsync<AnalyticsDbContext>(lapor, db => db.Agencies.CountAsync()));
        // And nothing is left waiting in any outbox: every row went out once every consumer could receive it.
        Assert.Equal(0, await CountAsync<TriageDbContext>(lapor, db => db.OutboxMessages.CountAsync(m => m.SentAt == null)));
    }

    [Fact]
    public async Task A_report_filed_the_moment_the_host_answers_reaches_the_inbox()
    {
        await using var lapor = new EmbeddedLaporFactory();
        var client = lapor.CreateClient();
        var receipt = await FileAsync(client, RoadInSurabaya);

        var officer = await client.AsAsync(lapor.CreateClient, "officer", RoadAgency);
        await Eventually(() => InInboxAsync(officer, receipt.TrackingId), "the first report is in the agency's inbox", seconds: 20);
    }

    [Fact]
    public async Task The_data_folder_with_every_database_is_closed_to_other_accounts()
    {
        if (OperatingSystem.IsWindows()) return;
        await using var lapor = new EmbeddedLaporFactory();
        _ = lapor.CreateClient();

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(lapor.DataDirectory));
        Assert.NotEmpty(Directory.GetFiles(lapor.DataDirectory, "*.db"));
    }

    private static async Task<int> CountAsync<TContext>(EmbeddedLaporFactory lapor, Func<TContext, Task<int>> count) where TContext : DbContext
    {
        await using var scope = lapor.Services.CreateAsyncScope();
        return await count(scope.ServiceProvider.GetRequiredService<TContext>());
    }
}
