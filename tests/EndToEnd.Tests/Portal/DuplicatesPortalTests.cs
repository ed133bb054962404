using Lapor.EndToEnd.Tests.Infrastructure;
using Lapor.ServiceDefaults.Security;
using static Lapor.EndToEnd.Tests.Infrastructure.SkeletonFlow;

namespace Lapor.EndToEnd.Tests.Portal;

/// <summary>In the portal, an officer sees a report's similar reports, and oversight the hotspot they make.</summary>
public sealed class DuplicatesPortalTests(PortalBrowser browser) : IClassFixture<PortalBrowser>
{
    [Fact]
    public async Task The_report_page_lists_similar_reports_and_the_dashboard_the_hotspot()
    {
        var citizen = new HttpClient { BaseAddress = new Uri(browser.BaseAddress) };
        var officer = await citizen.AsAsync(() => new HttpClient { BaseAddress = new Uri(browser.BaseAddress) }, "officer", RoadAgency);
        var first = await FileAsync(citizen, RoadInSurabaya);
        await Eventually(() => InInboxAsync(officer, first.TrackingId), "the first report reaches the inbox");
        var again = await FileAsync(citizen, RoadInSurabaya);
        await Eventually(() => InInboxAsync(officer, again.TrackingId), "the repeat reaches the inbox");

        Assert.Contains(first.TrackingId, await SectionAsync($"/meja/{again.TrackingId}", "officer", RoadAgency, "duplicates"));
        await Eventually(async () => (await SectionAsync("/pantau", "oversight", null, "hotspots")).Contains(first.TrackingId),
            "the dashboard shows the hotspot");
    }

    private async Task<string> SectionAsync(string path, string role, string? agency, string id)
    {
        using var client = new HttpClient { BaseAddress = new Uri(browser.BaseAddress) };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", $"{PortalSession.Cookie}={await TestTokens.MintAsync(client, role, agency)}");
        var page = await (await client.SendAsync(request)).Content.ReadAsStringAsync();
        var start = page.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        return start < 0 ? "" : page[start..page.IndexOf("</section>", start, StringComparison.Ordinal)];
    }
}
