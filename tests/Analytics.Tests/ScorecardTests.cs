using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lapor.Contracts;

namespace Lapor.Analytics.Tests;

/// <summary>A scorecard counts every agency that held a report: forwarding a report away does not clean the figures.</summary>
public sealed class ScorecardTests : IAsyncLifetime
{
    private const string Forwarder = "35.78.dpupr", Rightful = "35.78.dishub", Other = "35.78.dlh", PassedAll = "35.78.disdik";
    private static readonly DateTimeOffset Monday = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly AnalyticsHost _analytics = new(Monday.AddDays(14));

    private static ComplaintRouted Route(Guid id, int sequence, string agency, DateTimeOffset at) =>
        new(id, "LPR-" + id.ToString("N")[..8].ToUpperInvariant(), sequence, at, ReportType.Aduan, Sector.Infrastruktur, "35.78", agency, agency, 0.9,
            "", "", false, Monday, at.AddDays(7), VerificationDueAt: sequence == 2 ? Monday.AddDays(3) : null);

    private async Task StoryAsync(params IComplaintEvent[] events)
    {
        await _analytics.PublishAsync(new ComplaintSubmitted(events[0].ComplaintId, events[0].TrackingId, 1, Monday, ReportType.Aduan, "", "", null, "35.78", Channel.Web, false, false));
        foreach (var e in events) await _analytics.PublishAsync(e);
    }

    public async Task InitializeAsync()
    {
        // Passed on as "not ours" a day after its deadline, unanswered: late for the forwarder; the next agency answers in time.
        var late = Guid.NewGuid();
        var lateRoute = Route(late, 2, Forwarder, Monday.AddHours(1));
        await StoryAsync(lateRoute,
            new ComplaintForwardRequested(late, lateRoute.TrackingId, 3, Monday.AddDays(8), Forwarder, null, "bukan wewenang kami"),
            Route(late, 4, Rightful, Monday.AddDays(8).AddHours(1)),
            new AgencyResponded(late, lateRoute.TrackingId, 5, Monday.AddDays(9), Rightful, Rightful, "sudah dijadwalkan", true));
        // Passed on to a named agency within the deadline: neither in time nor late for the forwarder.
        var early = Guid.NewGuid();
        var earlyRoute = Route(early, 2, Forwarder, Monday.AddHours(1));
        await StoryAsync(earlyRoute,
            new ComplaintForwardRequested(early, earlyRoute.TrackingId, 3, Monday.AddHours(3), Forwarder, Other, "urusan lingkungan hidup"),
            Route(early, 4, Other, Monday.AddHours(4)));
        // An office that passed on the one report it had: it holds nothing now, yet it held one.
        var passed = Guid.NewGuid();
        var passedRoute = Route(passed, 2, PassedAll, Monday.AddHours(1));
        await StoryAsync(passedRoute,
            new ComplaintForwardRequested(passed, passedRoute.TrackingId, 3, Monday.AddHours(2), PassedAll, Other, "urusan lingkungan hidup"),
            Route(passed, 4, Other, Monday.AddHours(3)));
        // Answered in time by the forwarder itself.
        var kept = Guid.NewGuid();
        var keptRoute = Route(kept, 2, Forwarder, Monday.AddHours(1));
        await StoryAsync(keptRoute, new AgencyResponded(kept, keptRoute.TrackingId, 3, Monday.AddDays(1), Forwarder, Forwarder, "tim sudah ke lokasi", true));
    }

    public async Task DisposeAsync() => await _analytics.DisposeAsync();

    private async Task<Dictionary<string, JsonElement>> CardsAsync() =>
        (await _analytics.CreateClient().GetFromJsonAsync<List<JsonElement>>("/api/analytics/public/agencies"))!
        .ToDictionary(c => c.GetProperty("agencyId").GetString()!);

    [Fact]
    public async Task Every_agency_that_held_a_report_is_counted_and_a_late_forward_is_late()
    {
        var cards = await CardsAsync();

        var forwarder = cards[Forwarder];
        Assert.Equal(3, forwarder.GetProperty("received").GetInt64());
        Assert.Equal(50.0, forwarder.GetProperty("answeredInTimePercent").GetDouble());
        Assert.Equal(2, forwarder.GetProperty("forwarded").GetInt64());
        Assert.Equal(1, forwarder.GetProperty("notOurs").GetInt64());
        Assert.Equal(1, cards[Rightful].GetProperty("received").GetInt64());
        Assert.Equal(100.0, cards[Rightful].GetProperty("answeredInTimePercent").GetDouble());
        Assert.Equal(2, cards[Other].GetProperty("received").GetInt64());
        Assert.Equal(1, cards[PassedAll].GetProperty("received").GetInt64());
    }

    [Fact]
    public async Task A_rebuild_answers_every_endpoint_and_export_byte_for_byte_as_before()
    {
        string[] paths =
        [
            "/api/analytics/public/agencies", "/api/analytics/public/agencies?format=csv", "/api/analytics/agencies", "/api/analytics/agencies?format=csv",
            "/api/analytics/sectors?format=csv", "/api/analytics/regions?format=csv", "/api/analytics/provinces?format=csv", "/api/analytics/summary?format=csv",
            "/api/analytics/hotspots?format=csv", "/api/analytics/timeseries?metric=routed&from=2026-11-01&to=2026-11-30&format=csv",
        ];
        var oversight = _analytics.Oversight();
        var before = await Task.WhenAll(paths.Select(p => oversight.GetStringAsync(p)));

        Assert.Equal(HttpStatusCode.OK, (await _analytics.Oversight(role: "verifier").PostAsync("/api/analytics/rebuild", null)).StatusCode);

        var after = await Task.WhenAll(paths.Select(p => oversight.GetStringAsync(p)));
        for (var i = 0; i < paths.Length; i++) Assert.True(before[i] == after[i], $"{paths[i]} changed:\n{before[i]}\n---\n{after[i]}");
        // The oversight table counts reports by the agency holding them now: the office that passed on its only one has no row.
        Assert.DoesNotContain(PassedAll, before[3]);
        Assert.Contains(PassedAll, before[1]);
    }
}
