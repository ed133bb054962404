using Microsoft.Playwright;
using static Lapor.EndToEnd.Tests.Infrastructure.SkeletonFlow;

namespace Lapor.EndToEnd.Tests.Portal;

/// <summary>Every portal page, at a 360-pixel phone and a desktop width: it renders its heading, nothing overflows sideways, its weight (HTML and what it loads) is written to page-weights.txt — under 100 KB for the citizen's pages — and a screenshot is kept.</summary>
public sealed class PageLayoutTests(PortalBrowser browser) : IClassFixture<PortalBrowser>
{
    /// <summary>Every page of the portal, with the role it is seen as (null: anyone).</summary>
    public static readonly (string Path, string? Role, string Name)[] Pages =
    [
        ("/", null, "home"), ("/lapor", null, "file"), ("/lacak", null, "track"), ("/laporan", null, "feed"), ("/kinerja", null, "scorecards"), ("/masuk", null, "sign-in"), ("/privasi", null, "privacy"),
        ("/meja", "officer", "inbox"), ("/meja", "supervisor", "inbox-supervisor"), ("/meja/petugas", "supervisor", "officers"), ("/verifikasi", "verifier", "verification"), ("/pantau", "oversight", "dashboard"),
        ("/laporan-saya", "citizen", "my-reports"),
    ];

    [Fact]
    public async Task Every_page_fits_a_phone_and_a_desktop()
    {
        await FileAsync(new HttpClient { BaseAddress = new Uri(browser.BaseAddress) }, RoadInSurabaya); // something to list
        var weights = new SortedDictionary<string, long>();
        foreach (var phone in new[] { true, false })
        {
            var page = await browser.OpenAsync(phone);
            string? signedInAs = null;
            foreach (var (path, role, name) in Pages)
            {
                if (role is not null && role != signedInAs) signedInAs = await SignInAsync(page, role);
                var response = await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.NetworkIdle });
                Assert.Equal(200, response!.Status);
                // What the page weighs, uncompressed: its HTML and every stylesheet, script or image it loaded (the browser's own count).
                var weight = await page.EvaluateAsync<long>("""
                    performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
                      .reduce((sum, entry) => sum + entry.decodedBodySize, 0)
                    """);
                Assert.True(weight > 1000, $"{path}: the browser counted {weight} bytes");
                weights[$"{name} ({(phone ? "phone" : "desktop")})"] = weight;
                Assert.True(await page.Locator("h1").IsVisibleAsync(), $"{path} shows its heading");
                var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth");
                Assert.True(overflow <= 0, $"{path} is {overflow} px wider than the {(phone ? "phone" : "desktop")} screen");
                // Nor does any part of it scroll sideways on its own (a table in a scrolling box hides its last columns).
                var scrolling = await page.EvaluateAsync<string[]>("""
                    Array.from(document.querySelectorAll('body *'))
                      .filter(e => !['INPUT', 'TEXTAREA', 'SELECT'].includes(e.tagName) && e.scrollWidth > e.clientWidth + 1
                        && ['auto', 'scroll'].includes(getComputedStyle(e).overflowX))
                      .map(e => e.tagName + (e.id ? '#' + e.id : '') + '.' + e.className)
                    """);
                Assert.True(scrolling.Length == 0, $"{path} scrolls sideways inside {string.Join(", ", scrolling)} on the {(phone ? "phone" : "desktop")} screen");
                if (name == "inbox-supervisor") Assert.Contains("Ringkasan instansi", await page.Locator("#overview").InnerTextAsync());
                if (name == "officers") Assert.Contains(":supervisor", await page.Locator("#officers").InnerTextAsync()); // the supervisor, known from signing in
                await PortalBrowser.ScreenshotAsync(page, $"{name}-{(phone ? "phone" : "desktop")}");
            }
        }
        await File.WriteAllLinesAsync(Path.Combine(PortalBrowser.ScreenshotDirectory, "page-weights.txt"),
            weights.Select(w => $"{w.Key}: {w.Value / 1024.0:0.0} KB"));
        foreach (var citizenPage in new[] { "home", "file", "track", "feed", "privacy" })
            Assert.True(weights[$"{citizenPage} (phone)"] < 100 * 1024, $"{citizenPage} weighs {weights[$"{citizenPage} (phone)"]} bytes on a phone");
    }

    /// <summary>Signs in with the Development sign-in page as <paramref name="role"/> (officers of the road agency).</summary>
    public static async Task<string> SignInAsync(IPage page, string role)
    {
        await page.GotoAsync("/masuk");
        await page.Locator($"input[name=Role][value={role}]").CheckAsync();
        if (role is "officer" or "supervisor") await page.Locator("#agency").FillAsync(RoadAgency);
        await page.Locator("form:has(#agency) button[type=submit]").ClickAsync();
        return role;
    }
}
