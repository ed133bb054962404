using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lapor.Analytics.Api;
using Lapor.Contracts;

namespace Lapor.Analytics.Tests;

/// <summary>
/// A small fixed scenario, published as events into the running analytics service (one event redelivered, one pair
/// out of order), whose figures were worked out by hand. Hours are the upper bounds of 5 % histogram buckets:
/// 1 h → 1.0, 2 h → 2.1, 10 h → 10.4, 30 h → 30.5, 200 h → 204.8.
/// </summary>
public sealed class OversightFiguresTests : IAsyncLifetime
{
    private const string Roads = "35.78.dpupr";
    private const string Health = "61.71.dinkes";

    // Monday 2 November 2026, 16:00 WIB. Deadlines: verification +3 days, follow-up +7 days from routing.
    private static readonly DateTimeOffset Monday = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly AnalyticsHost _analytics = new(Monday.AddDays(14));

    private static IComplaintEvent[] Story(Guid id, string agency, double? respondAfterHours, bool resolve = false, bool forward = false, Guid? cluster = null)
    {
        var events = new List<IComplaintEvent>
        {
            new ComplaintSubmitted(id, "LPR-X", 1, Monday, ReportType.Aduan, "judul laporan", "isi laporan warga", null, "35.78", Channel.Web, false, false),
            new ComplaintRouted(id, "LPR-X", 3, Monday.AddHours(1), ReportType.Aduan, Sector.Infrastruktur, "35.78", agency, agency, 0.9,
                "judul laporan", "isi laporan warga", false, Monday, Monday.AddHours(1).AddDays(7), ClusterId: cluster, VerificationDueAt: Monday.AddDays(3)),
        };
        if (forward) events.Add(new ComplaintForwardRequested(id, "LPR-X", 4, Monday.AddHours(2), agency, null, "bukan wewenang kami"));
        if (respondAfterHours is { } hours)
            events.Add(new AgencyResponded(id, "LPR-X", 5, Monday.AddHours(1 + hours), agency, agency, "sudah ditinjau", true));
        if (resolve) events.Add(new ComplaintResolved(id, "LPR-X", 6, Monday.AddHours(1 + (respondAfterHours ?? 0) + 24), agency, agency, "sudah diperbaiki"));
        return events.ToArray();
    }

    public async Task InitializeAsync()
    {
        // A is the first report of a matter that C and D repeat (one cluster of three); A has three supporters.
        var first = Guid.NewGuid();
        var answeredAndResolved = Story(first, Roads, respondAfterHours: 10, resolve: true);
        var answeredOpen = Story(Guid.NewGuid(), Roads, respondAfterHours: 30);
        var answeredLate = Story(Guid.NewGuid(), Roads, respondAfterHours: 200, cluster: first);
        var neverAnswered = Story(Guid.NewGuid(), Roads, respondAfterHours: null, forward: true, cluster: first);

        // A: the routing event is delivered twice (same message id).
        var routedTwice = Guid.NewGuid();
        await _analytics.PublishAsync(answeredAndResolved[0]);
        await _analytics.PublishAsync(answeredAndResolved[1], routedTwice);
        await _analytics.PublishAsync(answeredAndResolved[1], routedTwice, redelivery: true);
        foreach (var e in answeredAndResolved[2..]) await _analytics.PublishAsync(e);

        // B: the answer arrives before the routing it follows.
        await _analytics.PublishAsync(answeredOpen[0]);
        await _analytics.PublishAsync(answeredOpen[2]);
        await _analytics.PublishAsync(answeredOpen[1]);

        foreach (var e in answeredLate.Concat(neverAnswered)) await _analytics.PublishAsync(e);
        for (var i = 0; i < 3; i++) await _analytics.PublishAsync(new ComplaintSupported(first, "LPR-X", 6, Monday.AddDays(2).AddHours(i)));

        // E: Pontianak health report by SMS, filed Tuesday, verified two days late, answered in 2 h, resolved, rated 4, reopened.
        // Verified by the separate event an earlier version published, still applied (events left in the queues by an upgrade).
        var id = Guid.NewGuid();
        var tuesday = Monday.AddDays(1);
        IComplaintEvent[] health =
        [
            new ComplaintSubmitted(id, "LPR-E", 1, tuesday, ReportType.Aduan, "obat habis", "obat di puskesmas habis", Sector.Kesehatan, "61.71", Channel.Sms, false, false),
            new ComplaintVerified(id, "LPR-E", 2, tuesday.AddDays(5), ReportType.Aduan, Sector.Kesehatan, tuesday.AddDays(3)),
            new ComplaintRouted(id, "LPR-E", 3, tuesday.AddDays(5), ReportType.Aduan, Sector.Kesehatan, "61.71", Health, Health, 0.8,
                "obat habis", "obat di puskesmas habis", false, tuesday, tuesday.AddDays(12)),
            new AgencyResponded(id, "LPR-E", 4, tuesday.AddDays(5).AddHours(2), Health, Health, "obat sudah dikirim", true),
            new ComplaintResolved(id, "LPR-E", 5, tuesday.AddDays(6), Health, Health, "stok obat sudah terisi"),
            new ComplaintRated(id, "LPR-E", 6, tuesday.AddDays(6).AddHours(1), 4, null),
            new ComplaintReopened(id, "LPR-E", 7, tuesday.AddDays(6).AddHours(2), "masih kosong"),
            // Triage restarts the follow-up clock; the new deadline passes with no new answer.
            new FollowUpRestarted(id, "LPR-E", 8, tuesday.AddDays(6).AddHours(2), Health, tuesday.AddDays(11)),
        ];
        foreach (var e in health) await _analytics.PublishAsync(e);
        await _analytics.PublishAsync(new ComplaintSupported(id, "LPR-E", 7, tuesday.AddDays(7)));
    }

    private async Task<JsonElement> Get(string path, string? region = null) =>
        await _analytics.Oversight(region).GetFromJsonAsync<JsonElement>(path);

    private static JsonElement Row(JsonElement table, string key) => table.EnumerateArray().Single(r => r.GetProperty("key").GetString() == key);

    private static double? Number(JsonElement row, string name) =>
        row.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value.GetDouble() : null;

    [Fact]
    public async Task Agency_figures_match_the_hand_computed_ones_with_overdue_reports_counted_as_misses()
    {
        var roads = Row(await Get("/api/analytics/agencies"), Roads);

        Assert.Equal((4, 3, 1, 1), (roads.GetProperty("received").GetInt32(), roads.GetProperty("open").GetInt32(),
            roads.GetProperty("overdue").GetInt32(), roads.GetProperty("resolved").GetInt32()));
        Assert.Equal(50.0, Number(roads, "answeredInTimePercent")); // 2 of 4: in time 10 h and 30 h; late 200 h; unanswered past due
        Assert.Equal(30.5, Number(roads, "medianHoursToFirstResponse")); // 10, 30, 200 → nearest-rank median 30
        Assert.Equal(204.8, Number(roads, "p90HoursToFirstResponse"));
        Assert.Equal(25.0, Number(roads, "forwardedPercent"));
        Assert.Equal(100.0, Number(roads, "verifiedInTimePercent"));
        Assert.Equal(1.0, Number(roads, "medianHoursToVerification"));
        Assert.Null(Number(roads, "averageRating"));

        var health = Row(await Get("/api/analytics/agencies"), Health);
        Assert.Equal(0.0, Number(health, "verifiedInTimePercent")); // verified five days after filing, due after three
        Assert.Equal(100.0, Number(health, "answeredInTimePercent"));
        Assert.Equal(2.1, Number(health, "medianHoursToFirstResponse"));
        Assert.Equal(4.0, Number(health, "averageRating"));
        Assert.Equal(100.0, Number(health, "reopenedPercent"));
        Assert.Equal(1, health.GetProperty("open").GetInt32()); // reopened
        Assert.Equal(1, health.GetProperty("overdue").GetInt32()); // its new deadline passed unanswered (its first answer stays in time)
    }

    [Fact]
    public async Task Sectors_regions_and_the_national_row_add_up_the_same_reports()
    {
        Assert.Equal(4, Row(await Get("/api/analytics/sectors"), "infrastruktur").GetProperty("received").GetInt32());
        Assert.Equal(1, Row(await Get("/api/analytics/sectors"), "kesehatan").GetProperty("received").GetInt32());
        Assert.Equal(4, Row(await Get("/api/analytics/regions?level=provinsi"), "35").GetProperty("received").GetInt32());
        Assert.Equal(1, Row(await Get("/api/analytics/regions"), "61.71").GetProperty("received").GetInt32());

        var national = Row(await Get("/api/analytics/regions?level=nasional"), "nasional");
        Assert.Equal(5, national.GetProperty("received").GetInt32());
        Assert.Equal(60.0, Number(national, "answeredInTimePercent")); // 3 in time of 5 decided

        var summary = await Get("/api/analytics/summary");
        Assert.Equal(5, summary.GetProperty("total").GetInt32());
        Assert.Equal(1, summary.GetProperty("byStatus").GetProperty("selesai").GetInt32());
        Assert.Equal(3, summary.GetProperty("byStatus").GetProperty("sedang_diproses").GetInt32()); // B, C answered; E reopened
        Assert.Equal(1, summary.GetProperty("byStatus").GetProperty("terdisposisi").GetInt32());
        Assert.Equal(1, summary.GetProperty("byChannel").GetProperty("sms").GetInt32());
        Assert.Equal(5, summary.GetProperty("byType").GetProperty("aduan").GetInt32());
    }

    [Fact]
    public async Task A_period_filter_counts_reports_by_the_day_they_were_filed()
    {
        var tuesdayOnly = await Get("/api/analytics/regions?level=nasional&from=2026-11-03&to=2026-11-03");
        Assert.Equal(1, Row(tuesdayOnly, "nasional").GetProperty("received").GetInt32());
        Assert.Equal(4, (await Get("/api/analytics/summary?to=2026-11-02")).GetProperty("total").GetInt32());
        // November read from its month cell, the ragged October and December ends from day cells.
        Assert.Equal(5, (await Get("/api/analytics/summary?from=2026-10-15&to=2026-12-10")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await Get("/api/analytics/summary?from=2026-11-04&to=2026-11-30")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Time_series_count_each_activity_on_its_own_day_per_day_and_per_week()
    {
        var filed = await Get("/api/analytics/timeseries?metric=filed&from=2026-11-01&to=2026-11-08");
        Assert.Equal([0, 4, 1, 0, 0, 0, 0, 0], filed.EnumerateArray().Select(p => p.GetProperty("count").GetInt32()));
        Assert.Equal("2026-11-01", filed[0].GetProperty("start").GetString());

        var routed = await Get("/api/analytics/timeseries?metric=routed&from=2026-11-02&to=2026-11-15&granularity=week");
        Assert.Equal([("2026-11-02", 5), ("2026-11-09", 0)],
            routed.EnumerateArray().Select(p => (p.GetProperty("start").GetString(), p.GetProperty("count").GetInt32())));

        var resolved = await Get("/api/analytics/timeseries?metric=resolved&from=2026-11-02&to=2026-11-15&granularity=week");
        Assert.Equal([1, 1], resolved.EnumerateArray().Select(p => p.GetProperty("count").GetInt32())); // A on Tuesday, E the Monday after
    }

    [Fact]
    public async Task Hotspots_rank_duplicate_clusters_by_support_then_reports()
    {
        var hotspots = (await Get("/api/analytics/hotspots")).EnumerateArray().ToList();
        Assert.Equal([("35.78", 3, 3), ("61.71", 1, 1)], hotspots.Select(h =>
            (h.GetProperty("region").GetString(), h.GetProperty("reports").GetInt32(), h.GetProperty("supports").GetInt32())));
        Assert.Equal("infrastruktur", hotspots[0].GetProperty("sector").GetString());
        Assert.Empty((await Get("/api/analytics/hotspots", region: "33")).EnumerateArray());
    }

    [Fact]
    public async Task A_regional_oversight_user_sees_only_their_region()
    {
        var table = await Get("/api/analytics/agencies", region: "61");
        Assert.Equal([Health], table.EnumerateArray().Select(r => r.GetProperty("key").GetString()));
        Assert.Equal(0, (await Get("/api/analytics/summary?region=35.78", region: "61")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_public_scorecard_needs_no_sign_in_and_shows_only_counts_and_speed()
    {
        var response = await _analytics.CreateClient().GetAsync("/api/analytics/public/agencies");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        var roads = JsonDocument.Parse(body).RootElement.EnumerateArray().Single(c => c.GetProperty("agencyId").GetString() == Roads);
        Assert.Equal(4, roads.GetProperty("received").GetInt32());
        // A and B in time, C late; D was passed on as not ours within its deadline, so it is not judged for the office.
        Assert.Equal(66.7, roads.GetProperty("answeredInTimePercent").GetDouble());
        Assert.Equal(1, roads.GetProperty("notOurs").GetInt32());
        Assert.DoesNotContain("isi laporan", body);
        Assert.DoesNotContain("LPR-", body);
    }

    [Fact]
    public async Task A_rebuild_from_the_kept_events_gives_exactly_the_same_figures()
    {
        string[] paths = ["/api/analytics/agencies", "/api/analytics/sectors", "/api/analytics/regions", "/api/analytics/summary",
            "/api/analytics/timeseries?metric=responded&from=2026-11-01&to=2026-11-30", "/api/analytics/hotspots"];
        var oversight = _analytics.Oversight();
        var before = await Task.WhenAll(paths.Select(p => oversight.GetStringAsync(p)));

        var rebuild = await _analytics.Oversight(role: "verifier").PostAsync("/api/analytics/rebuild", null);
        Assert.Equal(HttpStatusCode.OK, rebuild.StatusCode);
        Assert.Equal(5, (await rebuild.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reports").GetInt32());

        Assert.Equal(before, await Task.WhenAll(paths.Select(p => oversight.GetStringAsync(p))));
    }

    [Theory]
    [InlineData("/api/analytics/agencies?sector=bukan-sektor", "sector")]
    [InlineData("/api/analytics/agencies?region=99.99", "region")]
    [InlineData("/api/analytics/agencies?from=2026-11-05&to=2026-11-01", "from")]
    [InlineData("/api/analytics/timeseries?metric=liked", "metric")]
    [InlineData("/api/analytics/timeseries?granularity=month", "granularity")]
    [InlineData("/api/analytics/regions?level=planet", "level")]
    public async Task Bad_filters_are_400_naming_the_field(string path, string field)
    {
        var response = await _analytics.Oversight().GetAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Every_table_exports_csv()
    {
        var oversight = _analytics.Oversight();
        foreach (var path in new[] { "agencies", "sectors", "regions", "provinces", "summary", "timeseries", "hotspots" })
        {
            var response = await oversight.GetAsync($"/api/analytics/{path}?format=csv");
            Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
            Assert.True((await response.Content.ReadAsStringAsync()).Split('\n').Length > 2, path);
        }
    }

    public Task DisposeAsync() => _analytics.DisposeAsync().AsTask();
}
