using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Lapor.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using static Lapor.EndToEnd.Tests.Infrastructure.SkeletonFlow;

namespace Lapor.EndToEnd.Tests.Portal;

/// <summary>
/// Everyday journeys in the browser: a citizen who lost the access code gets a new one by e-mail and follows the report
/// with it; officers see in their inbox's notices a new report (the supervisor) and an assignment (the officer).
/// </summary>
public sealed class EverydayJourneyTests(PortalBrowser browser) : IClassFixture<PortalBrowser>
{
    [Fact]
    public async Task A_citizen_who_lost_the_access_code_gets_a_new_one_by_email_and_follows_the_report_with_it()
    {
        var api = new HttpClient { BaseAddress = new Uri(browser.BaseAddress) };
        var receipt = await FileAsync(api, new
        {
            type = "aduan", title = "Jalan berlubang di depan Pasar Wonokromo", region = "35.78",
            text = "Jalan di depan Pasar Wonokromo rusak berlubang besar sejak sebulan, sudah dua pengendara motor jatuh.",
            contact = new { email = "lupa.kode@contoh.id" },
        });

        var citizen = await browser.OpenAsync(phone: true, javaScript: false);
        await citizen.GotoAsync("/lacak");
        await citizen.Locator("#recover summary").ClickAsync();
        await citizen.GetByLabel("Nomor LPR yang kodenya hilang").FillAsync(receipt.TrackingId);
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Kirim kode akses baru" }).ClickAsync();
        await Assertions.Expect(citizen.Locator("#recovered")).ToBeVisibleAsync();

        string fresh = "";
        await Eventually(() =>
        {
            fresh = browser.Mail.Messages.Where(m => m.To.Contains("lupa.kode@contoh.id"))
                .Select(m => FreshCode(receipt.TrackingId).Match(m.Body)).FirstOrDefault(m => m.Success)?.Groups[1].Value ?? "";
            return Task.FromResult(fresh.Length == 12);
        }, "the new code reaches the reporter's mailbox", seconds: 60);

        await citizen.GotoAsync("/lacak");
        await citizen.Locator("#tracking").FillAsync(receipt.TrackingId);
        await citizen.Locator("#code").FillAsync(fresh);
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Lihat laporan" }).ClickAsync();
        await Assertions.Expect(citizen.Locator("#timeline")).ToContainTextAsync("Laporan dikirim");
        await PortalBrowser.ScreenshotAsync(citizen, "citizen-recovered-code-phone");
    }

    [Fact]
    public async Task Officers_see_a_new_report_and_an_assignment_among_their_inbox_notices()
    {
        var supervisor = await browser.OpenAsync(phone: false);
        await PortalBrowser.SignInAsync(supervisor, "supervisor", RoadAgency, "Penyelia Notis");
        var officer = await browser.OpenAsync(phone: true);
        await PortalBrowser.SignInAsync(officer, "officer", RoadAgency, "Dian Notis");
        await supervisor.GotoAsync("/meja");
        await officer.GotoAsync("/meja"); // both known to the desk now

        var api = new HttpClient { BaseAddress = new Uri(browser.BaseAddress) };
        var receipt = await FileAsync(api, RoadInSurabaya);
        await Eventually(async () =>
        {
            await supervisor.GotoAsync("/meja");
            return (await supervisor.Locator("#notices").InnerTextAsync()).Contains($"Laporan baru {receipt.TrackingId}");
        }, "the supervisor's inbox shows the new report's notice");

        var boss = await api.AsAsync(() => new HttpClient { BaseAddress = new Uri(browser.BaseAddress) }, "supervisor", RoadAgency, name: "Penyelia Notis");
        Assert.True((await boss.PostAsJsonAsync($"/api/desk/complaints/{receipt.TrackingId}/assign", new { officerId = $"officer:{RoadAgency}:Dian Notis" })).IsSuccessStatusCode);
        await officer.GotoAsync("/meja");
        await Assertions.Expect(officer.Locator("#notices")).ToContainTextAsync($"Laporan {receipt.TrackingId} ditugaskan kepada Anda");
        await PortalBrowser.ScreenshotAsync(officer, "officer-notices-phone");

        await officer.GetByRole(AriaRole.Button, new() { Name = "Tandai semua sudah dibaca" }).ClickAsync();
        await Assertions.Expect(officer.Locator("#notices")).ToContainTextAsync("0 belum dibaca");
    }

    private static Regex FreshCode(string trackingId) => new($"{trackingId}: ([0-9A-Z]{{12}})");
}
