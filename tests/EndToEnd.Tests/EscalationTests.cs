using Lapor.Triage.Workers;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lapor.EndToEnd.Tests.Infrastructure;
using Lapor.Triage.Domain;
using Lapor.Triage.Persistence;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using static Lapor.EndToEnd.Tests.Infrastructure.SkeletonFlow;

namespace Lapor.EndToEnd.Tests;

/// <summary>
/// A missed deadline reaches a desk: the embedded host on a clock the test moves, triage's sweep escalates an
/// unanswered Surabaya road report, and the East Java coordinating desk (the provincial secretariat) sees it and chases the city office.
/// </summary>
public sealed class EscalationTests : IAsyncLifetime
{
    private readonly MovableClock _clock = new(DateTimeOffset.UtcNow);
    private readonly EmbeddedLaporFactory _lapor = new();
    private Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Embedded.AssemblyMarker> _host = null!;

    public Task InitializeAsync()
    {
        _host = _lapor.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(_clock)));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _lapor.DisposeAsync();
    }

    [Fact]
    public async Task An_unanswered_city_report_past_its_deadline_lands_at_the_provincial_desk_which_chases_the_city_office_and_takes_it_over()
    {
        var citizen = _host.CreateClient();
        var officer = await citizen.AsAsync(_host.CreateClient, "officer", RoadAgency);
        var receipt = await FileAsync(citizen, RoadInSurabaya);
        await Eventually(() => InInboxAsync(officer, receipt.TrackingId), "the report reaches the city office");

        var province = await citizen.AsAsync(_host.CreateClient, "supervisor", "35.setda", name: "Koordinator Provinsi");
        Assert.Equal(0, (await province.GetFromJsonAsync<JsonElement>("/api/desk/notices")).GetProperty("unread").GetInt32()); // known to its desk now

        _clock.Advance(TimeSpan.FromDays(12));
        await using (var scope = _host.Services.CreateAsyncScope())
            await ActivatorUtilities.CreateInstance<SlaSweep>(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<TriageDbContext>()).RunAsync(CancellationToken.None);

        List<JsonElement> escalations = [];
        await Eventually(async () =>
        {
            escalations = (await province.GetFromJsonAsync<List<JsonElement>>("/api/desk/escalations"))!;
            return escalations.Any(e => e.GetProperty("trackingId").GetString() == receipt.TrackingId);
        }, "the provincial desk sees the escalation");
        var item = escalations.Single(e => e.GetProperty("trackingId").GetString() == receipt.TrackingId);
        Assert.Equal(RoadAgency, item.GetProperty("agencyId").GetString());
        Assert.Equal("follow_up", item.GetProperty("deadline").GetString());
        Assert.True(item.GetProperty("hoursWaiting").GetDouble() > 0);
        Assert.Empty((await officer.GetFromJsonAsync<List<JsonElement>>("/api/desk/escalations"))!);

        // Both desks were told: the coordinating desk of the escalation, the city office that its report is overdue.
        await Eventually(async () => await HasNoticeAsync(province, "escalated", receipt.TrackingId) && await HasNoticeAsync(officer, "overdue", receipt.TrackingId),
            "the coordinating desk and the city office have their notices");

        // The coordinating desk marks its escalations seen, all or none, and only its supervisors may.
        var unknown = await province.PostAsJsonAsync("/api/desk/escalations/acknowledge", new { trackingIds = new[] { receipt.TrackingId, "LPR-ZZZZZZZZ" } });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("LPR-ZZZZZZZZ", await unknown.Content.ReadAsStringAsync());
        Assert.False((await province.GetFromJsonAsync<List<JsonElement>>("/api/desk/escalations"))!
            .Single(e => e.GetProperty("trackingId").GetString() == receipt.TrackingId).TryGetProperty("acknowledgedAt", out _), "nothing was acknowledged");
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsJsonAsync("/api/desk/escalations/acknowledge", new { trackingIds = new[] { receipt.TrackingId } })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await province.PostAsJsonAsync("/api/desk/escalations/acknowledge", new { trackingIds = new[] { receipt.TrackingId } })).StatusCode);
        Assert.Equal("supervisor:35.setda:Koordinator Provinsi", (await province.GetFromJsonAsync<List<JsonElement>>("/api/desk/escalations"))!
            .Single(e => e.GetProperty("trackingId").GetString() == receipt.TrackingId).GetProperty("acknowledgedBy").GetString());

        var chase = await province.PostAsJsonAsync($"/api/desk/escalations/{receipt.TrackingId}/chase", new { text = "Mohon segera ditindaklanjuti dan dilaporkan hari ini." });
        Assert.Equal(HttpStatusCode.OK, chase.StatusCode);
        Assert.Contains("Teguran dari 35.setda", await officer.GetStringAsync($"/api/desk/complaints/{receipt.TrackingId}"));

        // Still nothing from the city office: the coordinating desk takes the report over.
        var missingAgency = await province.PostAsJsonAsync($"/api/desk/escalations/{receipt.TrackingId}/forward", new { reason = "Bukan kewenangan kota, jalan provinsi." });
        Assert.Equal(HttpStatusCode.BadRequest, missingAgency.StatusCode);
        Assert.Contains("agencyId", await missingAgency.Content.ReadAsStringAsync());
        var takeOver = await province.PostAsJsonAsync($"/api/desk/escalations/{receipt.TrackingId}/take-over", new { reason = "Tidak ada tindak lanjut setelah teguran." });
        Assert.Equal(HttpStatusCode.OK, takeOver.StatusCode);
        await Eventually(() => InInboxAsync(province, receipt.TrackingId), "the report is in the coordinating desk's inbox");
        var report = await province.GetFromJsonAsync<JsonElement>($"/api/desk/complaints/{receipt.TrackingId}");
        Assert.Equal("infrastruktur", report.GetProperty("sector").GetString()); // a secretariat keeps the report's sector
        Assert.Equal(HttpStatusCode.Conflict, (await province.PostAsJsonAsync($"/api/desk/escalations/{receipt.TrackingId}/take-over",
            new { reason = "Tidak ada tindak lanjut setelah teguran." })).StatusCode); // no longer with the city office
    }

    private static async Task<bool> HasNoticeAsync(HttpClient caller, string kind, string trackingId) =>
        (await caller.GetFromJsonAsync<JsonElement>("/api/desk/notices")).GetProperty("items").EnumerateArray()
            .Any(n => n.GetProperty("kind").GetString() == kind && n.GetProperty("trackingId").GetString() == trackingId);

    private sealed class MovableClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;
        public override DateTimeOffset GetUtcNow() => _now;
        public void Advance(TimeSpan by) => _now += by;
    }
}
