using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using static Lapor.EndToEnd.Tests.Infrastructure.SkeletonFlow;

namespace Lapor.EndToEnd.Tests.Portal;

/// <summary>
/// axe-core (Deque.AxeCore.Playwright) audits every portal page as citizens, officers, verifiers and oversight staff
/// see it, at a 360-pixel phone and a desktop width, in Bahasa Indonesia and English: no serious or critical
/// violation. The lesser ones are written to <c>accessibility.txt</c> beside the screenshots.
/// </summary>
public sealed class AccessibilityTests(PortalBrowser browser) : IClassFixture<PortalBrowser>
{
    [Fact]
    public async Task Every_page_passes_an_axe_audit_without_serious_or_critical_violations()
    {
        await FileAsync(new HttpClient { BaseAddress = new Uri(browser.BaseAddress) }, RoadInSurabaya); // something to list
        var serious = new List<string>();
        var lesser = new SortedSet<string>();
        foreach (var language in new[] { "id", "en" })
            foreach (var phone in new[] { true, false })
            {
                var page = await browser.OpenAsync(phone);
                await page.GotoAsync($"/bahasa?ke={language}");
                string? signedInAs = null;
                foreach (var (path, role, name) in PageLayoutTests.Pages)
                {
                    if (role is not null && role != signedInAs) signedInAs = await PageLayoutTests.SignInAsync(page, role);
                    await page.GotoAsync(path);
                    var results = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } });
                    Assert.True(results.Passes.Length > 10, $"axe checked {path} ({results.Passes.Length} rules passed)");
                    foreach (var violation in results.Violations)
                    {
                        var line = $"{violation.Id} ({violation.Impact}) on {path}{(role is null ? "" : $" as {role}")}: {violation.Help}; {string.Join(" | ", violation.Nodes.Take(3).Select(n => n.Target?.ToString()))}";
                        if (violation.Impact is "serious" or "critical") serious.Add($"[{language}, {(phone ? "phone" : "desktop")}] {line}");
                        else lesser.Add($"{violation.Id} ({violation.Impact}) on {name}: {violation.Help}");
                    }
                }
            }
        Directory.CreateDirectory(PortalBrowser.ScreenshotDirectory);
        await File.WriteAllLinesAsync(Path.Combine(PortalBrowser.ScreenshotDirectory, "accessibility.txt"), lesser.Count == 0 ? ["none"] : lesser);
        Assert.True(serious.Count == 0, "serious or critical accessibility violations:\n" + string.Join("\n", serious));
    }

    [Fact]
    public async Task The_audit_finds_what_it_looks_for()
    {
        var page = await browser.OpenAsync();
        await page.SetContentAsync("<html><body><img src='x.png'><button></button><input type='text'></body></html>");
        var results = await page.RunAxe();
        Assert.Contains(results.Violations, v => v.Id == "image-alt" && v.Impact == "critical");
        Assert.Contains(results.Violations, v => v.Id == "button-name");
        Assert.Contains(results.Violations, v => v.Id == "label");
    }
}
