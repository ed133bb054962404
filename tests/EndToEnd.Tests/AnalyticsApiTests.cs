using System.Net.Http.Json;
using System.Text.Json;
using Lapor.Analytics.Persistence;
using Lapor.EndToEnd.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Lapor.EndToEnd.Tests.Infrastructure.SkeletonFlow;

namespace Lapor.EndToEnd.Tests;

public sealed class AnalyticsApiTests(EmbeddedLaporFactory lapor) : IClassFixture<EmbeddedLaporFactory>
{
    private async Task<HttpClient> Oversight(string? region = null) =>
        await lapor.CreateClient().AsAsync(lapor.CreateClient, "oversight", region: region);

    private static async Task<string[]> AgencyKeys(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/analytics/agencies")).EnumerateArray().Select(r => r.GetProperty("key").GetString()!).ToArray();

    private async Task FileTwoRegionsAsync()
    {
        var citizen = lapor.CreateClient();
        var national = await Oversight();
        var before = await TotalCountedAsync(national);
        await FileAsync(citizen, RoadInSurabaya);
        await FileAsync(citizen, new
        {
            type = "aduan",
            title = "Air PDAM terasa asin di Pontianak",
            text = "Air PDAM di rumah kami di Pontianak Utara terasa asin sejak sebulan dan tidak bisa dipakai memasak.",
            region = "61.71",
        });
        await Eventually(async () => await TotalCountedAsync(national) == before + 2, "both reports are counted");
        // Nothing but filing happens in this class: each report has exactly two events (submitted; routed, which verifies).
        await Eventually(async () =>
        {
            await using var scope = lapor.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>();
            return await db.Events.CountAsync() == 2 * await db.Complaints.CountAsync();
        }, "every event of both reports is projected");
    }

    [Fact]
    public async Task A_regional_oversight_user_sees_only_their_region()
    {
        await FileTwoRegionsAsync();

        Assert.Contains("35.78.dpupr", await AgencyKeys(await Oversight()));
        var east = await AgencyKeys(await Oversight("35"));
        Assert.Contains("35.78.dpupr", east);
        Assert.All(east, key => Assert.StartsWith("35", key));
        Assert.DoesNotContain("35.78.dpupr", await AgencyKeys(await Oversight("61")));
    }

    [Fact]
    public async Task Provinces_roll_up_their_kota_and_kabupaten_and_the_trend_counts_today()
    {
        await FileTwoRegionsAsync();
        var national = await Oversight();
        var provinces = (await national.GetFromJsonAsync<JsonElement>("/api/analytics/provinces")).EnumerateArray()
            .ToDictionary(r => r.GetProperty("key").GetString()!, r => r.GetProperty("received").GetInt32());
        Assert.True(provinces.GetValueOrDefault("35") >= 1, "Kota Surabaya (35.78) counts under Jawa Timur (35)");
        Assert.True(provinces.GetValueOrDefault("61") >= 1, "Kota Pontianak (61.71) counts under Kalimantan Barat (61)");
        Assert.DoesNotContain("35.78", provinces.Keys);

        var trend = (await national.GetFromJsonAsync<JsonElement>("/api/analytics/trend?days=7")).EnumerateArray().ToList();
        Assert.Equal(7, trend.Count);
        // Today (WIB) counts the reports just filed; yesterday too, should the test straddle midnight in Jakarta.
        Assert.True(trend[^1].GetProperty("filed").GetInt32() + trend[^2].GetProperty("filed").GetInt32() >= 2, "the last days count the reports just filed");
        Assert.Equal(400, (int)(await national.GetAsync("/api/analytics/trend?days=0")).StatusCode);

        var eastJava = (await (await Oversight("35")).GetFromJsonAsync<JsonElement>("/api/analytics/provinces")).EnumerateArray()
            .Select(r => r.GetProperty("key").GetString()).ToList();
        Assert.Equal(["35"], eastJava);
    }

    [Fact]
    public async Task Tables_export_as_csv()
    {
        await FileTwoRegionsAsync();
        var response = await (await Oversight()).GetAsync("/api/analytics/sectors?format=csv");

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimEnd().Split('\n');
        Assert.StartsWith("sector,received,open,overdue", lines[0]);
        Assert.Contains(lines, line => line.StartsWith("\"infrastruktur\","));
    }

    [Fact]
    public async Task A_rebuild_from_the_kept_events_gives_exactly_the_same_figures()
    {
        await FileTwoRegionsAsync();
        var oversight = await Oversight();
        var verifier = await lapor.CreateClient().AsAsync(lapor.CreateClient, "verifier");
        var summaryBefore = await oversight.GetStringAsync("/api/analytics/summary");
        var agenciesBefore = await oversight.GetStringAsync("/api/analytics/agencies?format=csv");

        var rebuilt = await verifier.PostAsync("/api/analytics/rebuild", null);
        rebuilt.EnsureSuccessStatusCode();

        var result = await rebuilt.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(result.GetProperty("events").GetInt32() >= 4, result.ToString());
        Assert.Equal(summaryBefore, await oversight.GetStringAsync("/api/analytics/summary"));
        Assert.Equal(agenciesBefore, await oversight.GetStringAsync("/api/analytics/agencies?format=csv"));
    }
}
