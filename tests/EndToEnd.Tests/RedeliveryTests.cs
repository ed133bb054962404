using System.Net.Http.Json;
using Lapor.AgencyDesk.Persistence;
using Lapor.Analytics.Persistence;
using Lapor.EndToEnd.Tests.Infrastructure;
using Lapor.Intake.Persistence;
using Lapor.Triage.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Lapor.EndToEnd.Tests.Infrastructure.SkeletonFlow;

namespace Lapor.EndToEnd.Tests;

/// <summary>Every event delivered twice changes nothing: the outboxes publish again with the same message ids.</summary>
public sealed class RedeliveryTests(EmbeddedLaporFactory lapor) : IClassFixture<EmbeddedLaporFactory>
{
    private async Task<T> In<TContext, T>(Func<TContext, Task<T>> query) where TContext : DbContext
    {
        await using var scope = lapor.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<TContext>());
    }

    private async Task<(int Desk, int Analytics, int Facts, int Timeline, int Triage)> Counts() =>
        (await In<DeskDbContext, int>(db => db.Complaints.CountAsync()),
         await In<AnalyticsDbContext, int>(db => db.Events.CountAsync()),
         await In<AnalyticsDbContext, int>(db => db.Complaints.CountAsync()),
         await In<IntakeDbContext, int>(db => db.Complaints.SelectMany(c => c.Timeline).CountAsync()),
         await In<TriageDbContext, int>(db => db.OutboxMessages.CountAsync()));

    private async Task<int> Unsent() =>
        await In<IntakeDbContext, int>(db => db.OutboxMessages.CountAsync(m => m.SentAt == null))
        + await In<TriageDbContext, int>(db => db.OutboxMessages.CountAsync(m => m.SentAt == null))
        + await In<DeskDbContext, int>(db => db.OutboxMessages.CountAsync(m => m.SentAt == null));

    [Fact]
    public async Task Republishing_every_event_changes_no_read_model()
    {
        var citizen = lapor.CreateClient();
        var officer = await citizen.AsAsync(lapor.CreateClient, "officer", RoadAgency);
        var receipt = await FileAsync(citizen, RoadInSurabaya);
        await Eventually(() => InInboxAsync(officer, receipt.TrackingId), "the report reaches the inbox");
        await officer.PostAsJsonAsync($"/api/desk/complaints/{receipt.TrackingId}/respond", new { text = "Tim kami sudah meninjau lokasi kemarin sore." });
        await Eventually(async () => (await TrackAsync(citizen, receipt)).GetProperty("timeline").GetArrayLength() == 4, "the flow settles");
        await Eventually(async () => await Unsent() == 0 && (await Counts()).Analytics >= 3, "every event is delivered");
        var before = await Counts();

        // Mark every row of every outbox unsent: the dispatchers publish all of it again, same message ids.
        await In<IntakeDbContext, int>(db => db.OutboxMessages.ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, (DateTimeOffset?)null)));
        await In<TriageDbContext, int>(db => db.OutboxMessages.ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, (DateTimeOffset?)null)));
        await In<DeskDbContext, int>(db => db.OutboxMessages.ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, (DateTimeOffset?)null)));
        await Eventually(async () => await Unsent() == 0, "the duplicates are published");
        await Task.Delay(TimeSpan.FromSeconds(2)); // let the consumers see them

        Assert.Equal(before, await Counts());
        // Each row was marked sent once per publication.
        Assert.All(await In<TriageDbContext, List<int>>(db => db.OutboxMessages.Select(m => m.Attempts).ToListAsync()), attempts => Assert.Equal(2, attempts));
        Assert.Equal("sedang_diproses", (await TrackAsync(citizen, receipt)).GetProperty("status").GetString());
    }
}
