using Lapor.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using static Lapor.EndToEnd.Tests.Infrastructure.SkeletonFlow;

namespace Lapor.EndToEnd.Tests.Portal;

/// <summary>
/// Filing a report and answering it with the keyboard alone, in headless Chromium: every control is reached with Tab
/// in a sensible number of presses, shows where the focus is, and works with typing and Enter — no mouse, no click.
/// </summary>
public sealed class KeyboardJourneyTests(PortalBrowser browser) : IClassFixture<PortalBrowser>
{
    private const string Answer = "Tim sudah menambal lubang di depan Pasar Wonokromo pada hari Selasa pagi.";

    [Fact]
    public async Task A_citizen_files_and_an_officer_answers_with_the_keyboard_alone()
    {
        var citizen = await browser.OpenAsync(phone: true, javaScript: false);
        await citizen.GotoAsync("/lapor");
        await TypeIntoAsync(citizen, "#title", "Jalan berlubang di depan Pasar Wonokromo");
        await TypeIntoAsync(citizen, "#text", "Jalan di depan Pasar Wonokromo rusak berlubang besar sejak sebulan, sudah dua pengendara motor jatuh.");
        // A select takes what is typed: the first option that starts with it.
        await TypeIntoAsync(citizen, "#region", "Kota Surabaya");
        Assert.Equal("35.78", await citizen.Locator("#region").InputValueAsync());
        await TabToAsync(citizen, "form button[type=submit]");
        await citizen.Keyboard.PressAsync("Enter");
        var trackingId = (await citizen.Locator("#tracking-id").InnerTextAsync()).Trim();
        Assert.Matches("^LPR-[0-9A-Z]{8}$", trackingId);

        var officer = await browser.OpenAsync(phone: false);
        await PortalBrowser.SignInAsync(officer, "officer", RoadAgency, "Keyboard");
        await Eventually(async () =>
        {
            await officer.GotoAsync("/meja");
            return await officer.Locator($"a[href='/meja/{trackingId}']").CountAsync() > 0;
        }, "the report reaches the officer's inbox");
        await TabToAsync(officer, $"a[href='/meja/{trackingId}']");
        await officer.Keyboard.PressAsync("Enter");
        try
        {
            // The report's page once its document is in: what the keyboard needs next, not every subresource's load event.
            await officer.WaitForURLAsync($"**/meja/{trackingId}", new() { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = 60_000 });
        }
        catch (TimeoutException)
        {
            var focused = await officer.EvaluateAsync<string>("() => document.activeElement?.outerHTML ?? 'nothing'");
            Assert.Fail($"Enter on the report's link did not open it within 60 s: the page is {officer.Url}, the focus on {focused}");
        }
        await TypeIntoAsync(officer, "#text", Answer);
        await TabToAsync(officer, "button[name=Action][value=respond]");
        await officer.Keyboard.PressAsync("Enter");
        await Assertions.Expect(officer.Locator("#conversation")).ToContainTextAsync(Answer);
    }

    /// <summary>Tabs to the control and types into it.</summary>
    private static async Task TypeIntoAsync(IPage page, string selector, string text)
    {
        await TabToAsync(page, selector);
        await page.Keyboard.TypeAsync(text);
    }

    /// <summary>Presses Tab until <paramref name="selector"/> has the focus, which must then be visible (an outline).</summary>
    private static async Task TabToAsync(IPage page, string selector, int limit = 80)
    {
        for (var presses = 0; presses < limit; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (!await page.EvaluateAsync<bool>("s => document.activeElement === document.querySelector(s)", selector)) continue;
            var outline = await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle");
            Assert.True(outline is not ("none" or ""), $"{selector} has the focus but shows no outline");
            return;
        }
        Assert.Fail($"{selector} never took the focus in {limit} presses of Tab.");
    }
}
