using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Lapor.Contracts;
using Lapor.EndToEnd.Tests.Infrastructure;
using Lapor.Intake.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Lapor.EndToEnd.Tests.Infrastructure.SkeletonFlow;

namespace Lapor.EndToEnd.Tests.Portal;

/// <summary>
/// The four journeys of the web portal in headless Chromium against the running embedded host: a citizen files
/// and tracks a report, the routed agency's officer answers it, the citizen sees the answer and rates it, and
/// the oversight dashboard counts it in its sector. Each page is photographed at phone or desktop width.
/// </summary>
public sealed class PortalJourneyTests(PortalBrowser browser) : IClassFixture<PortalBrowser>
{
    private const string Title = "Jalan berlubang di depan Pasar Wonokromo";
    private const string Text = "Jalan di depan Pasar Wonokromo rusak berlubang besar sejak sebulan, sudah dua pengendara motor jatuh. Mohon segera diperbaiki.";
    private const string Answer = "Tim sudah menambal lubang di depan Pasar Wonokromo pada hari Senin.";

    private static readonly byte[] Photo = TestImages.Png();

    [Fact]
    public async Task A_citizen_files_a_report_an_officer_answers_it_the_citizen_rates_it_and_oversight_counts_it()
    {
        // 1. A citizen on a phone, without JavaScript, files a report and keeps the receipt.
        var citizen = await browser.OpenAsync(phone: true, javaScript: false);
        await citizen.GotoAsync("/lapor");
        await PortalBrowser.ScreenshotAsync(citizen, "citizen-file-phone");
        await citizen.GetByLabel("Judul laporan").FillAsync(Title);
        await citizen.GetByLabel("Isi laporan").FillAsync(Text);
        await citizen.GetByLabel("Daerah kejadian").SelectOptionAsync("35.78");
        await citizen.GetByLabel("Lokasi (boleh dikosongkan)").FillAsync("depan Pasar Wonokromo");
        await citizen.Locator("#attachments").SetInputFilesAsync(new FilePayload { Name = "lubang.png", MimeType = "image/png", Buffer = Photo });
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Kirim laporan" }).ClickAsync();
        await Expect(citizen.Locator("#attachments-saved")).ToContainTextAsync("1 lampiran tersimpan");
        var trackingId = (await citizen.Locator("#tracking-id").InnerTextAsync()).Trim();
        var accessCode = (await citizen.Locator("#access-code").InnerTextAsync()).Trim();
        Assert.Matches("^LPR-[0-9A-Z]{8}$", trackingId);
        Assert.Equal(12, accessCode.Length);
        await PortalBrowser.ScreenshotAsync(citizen, "citizen-receipt-phone");
        using (var scope = browser.Lapor.Services.CreateScope())
            Assert.Equal(Channel.Web, scope.ServiceProvider.GetRequiredService<IntakeDbContext>().Complaints.Single(c => c.TrackingId == trackingId).Channel);

        // 2. ...and follows it: the track button carries the receipt, the timeline shows where it went.
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Lacak laporan ini" }).ClickAsync();
        await Expect(citizen.Locator("#timeline")).ToContainTextAsync("Laporan dikirim");

        // 3. The officer of the agency the report was routed to finds it in the inbox and answers it.
        var officer = await browser.OpenAsync(phone: false);
        await PortalBrowser.SignInAsync(officer, "officer", agency: RoadAgency, name: "Budi");
        await Eventually(async () =>
        {
            await officer.GotoAsync("/meja");
            return await officer.Locator($"a[href='/meja/{trackingId}']").CountAsync() > 0;
        }, "the report reaches the officer's inbox");
        await PortalBrowser.ScreenshotAsync(officer, "officer-inbox-desktop");
        // Other tests of this class file reports with the same title: open this one by its tracking id.
        await officer.Locator($"a[href='/meja/{trackingId}']").First.ClickAsync();
        await Expect(officer.Locator("h1")).ToHaveTextAsync(Title);
        await Expect(officer.Locator("#location")).ToHaveTextAsync("depan Pasar Wonokromo"); // carried by the events, not asked of Intake
        await Eventually(async () =>
        {
            await officer.ReloadAsync();
            return await officer.Locator("#attachments a").CountAsync() == 1;
        }, "the reporter's photo is listed at the desk");
        var photo = await officer.Context.APIRequest.GetAsync(browser.BaseAddress + await officer.Locator("#attachments a").GetAttributeAsync("href"));
        Assert.Equal(200, photo.Status);
        Assert.Equal(Photo, await photo.BodyAsync());
        await officer.GetByLabel("Teks").FillAsync(Answer);
        await officer.GetByRole(AriaRole.Button, new() { Name = "Kirim tindak lanjut" }).ClickAsync();
        await Expect(officer.Locator("#conversation")).ToContainTextAsync(Answer);
        await Expect(officer.Locator("#status")).ToHaveTextAsync("Tindak Lanjut");
        await PortalBrowser.ScreenshotAsync(officer, "officer-report-desktop");

        // 4. The citizen sees the answer and rates it.
        await Eventually(async () =>
        {
            await citizen.GotoAsync("/lacak");
            await citizen.GetByLabel("Nomor laporan").FillAsync(trackingId);
            await citizen.GetByLabel("Kode akses").FillAsync(accessCode);
            await citizen.GetByRole(AriaRole.Button, new() { Name = "Lihat laporan" }).ClickAsync();
            return (await citizen.Locator("#timeline").InnerTextAsync()).Contains(Answer);
        }, "the citizen sees the agency's answer");
        await Expect(citizen.Locator("#due")).ToContainTextAsync("WIB"); // the follow-up deadline, from triage's routing
        Assert.Contains("depan Pasar Wonokromo", await citizen.Locator("dl.facts").InnerTextAsync());
        // The reporter downloads their own photo back (the code travels in the form, never in a link).
        var download = await citizen.RunAndWaitForDownloadAsync(() => citizen.Locator("#attachments button").ClickAsync());
        Assert.Equal(Photo, await File.ReadAllBytesAsync(await download.PathAsync()));
        await PortalBrowser.ScreenshotAsync(citizen, "citizen-tracking-phone");
        await citizen.GetByLabel("5 / 5").CheckAsync();
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Kirim penilaian" }).ClickAsync();
        await Expect(citizen.GetByRole(AriaRole.Status)).ToHaveTextAsync("Terkirim.");
        await Expect(citizen.Locator("#timeline")).ToContainTextAsync("5/5");
        await Expect(citizen.GetByRole(AriaRole.Button, new() { Name = "Kirim penilaian" })).ToHaveCountAsync(0); // rated once

        // 5. National oversight sees it counted under infrastructure, rated 5.
        var oversight = await browser.OpenAsync(phone: false);
        await PortalBrowser.SignInAsync(oversight, "oversight");
        await Eventually(async () =>
        {
            await oversight.GotoAsync("/pantau");
            return (await oversight.Locator("#table-agencies").InnerTextAsync()).Contains("Bina Marga Kota Surabaya")
                && (await oversight.Locator("#table-agencies").InnerTextAsync()).Contains("5.0");
        }, "the dashboard counts the rated report");
        Assert.Contains("Infrastruktur", await oversight.Locator("#by-sector").InnerTextAsync());
        Assert.Contains("Provinsi Jawa Timur", await oversight.Locator("#table-provinces").InnerTextAsync());
        await Expect(oversight.Locator("#trend svg")).ToBeVisibleAsync();
        await PortalBrowser.ScreenshotAsync(oversight, "oversight-dashboard-desktop");

        // Anyone, signed in or not, sees the agency's public scorecard with the rating.
        var anyone = await browser.OpenAsync(phone: true, javaScript: false);
        await anyone.GotoAsync("/kinerja");
        var scorecard = anyone.Locator("tr", new() { HasText = "Bina Marga Kota Surabaya" });
        Assert.Contains("5.0", await scorecard.InnerTextAsync());
    }

    [Fact]
    public async Task Without_javascript_a_bad_form_comes_back_with_errors_next_to_the_fields_and_the_citizens_words_kept()
    {
        var page = await browser.OpenAsync(phone: true, javaScript: false);
        await page.GotoAsync("/lapor");
        await page.GetByLabel("Judul laporan").FillAsync("Pendek");
        await page.GetByLabel("Isi laporan").FillAsync(Text);
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim laporan" }).ClickAsync();

        await Expect(page.Locator("#title-error")).ToContainTextAsync("10–150");
        await Expect(page.GetByLabel("Judul laporan")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.GetByLabel("Isi laporan")).ToHaveValueAsync(Text);
        Assert.Equal(0, await page.Locator("#text-error").CountAsync());
        await PortalBrowser.ScreenshotAsync(page, "citizen-file-errors-phone");
    }

    [Fact]
    public async Task A_verifier_accepts_the_suggested_route_for_a_report_triage_would_not_guess()
    {
        var citizen = Browserless();
        var receipt = await FileAsync(citizen, new
        {
            type = "aduan",
            title = "Sampah menumpuk tidak diangkut",
            text = "Sampah di pinggir jalan dekat rumah kami menumpuk dan tidak diangkut sudah seminggu, baunya menyengat.",
        });

        var verifier = await browser.OpenAsync(phone: false);
        await PortalBrowser.SignInAsync(verifier, "verifier");
        var card = verifier.Locator($"#q-{receipt.TrackingId}");
        await Eventually(async () =>
        {
            await verifier.GotoAsync("/verifikasi");
            return await card.CountAsync() > 0;
        }, "the report waits in the verification queue");
        await Expect(card).ToContainTextAsync("Keyakinan");
        await PortalBrowser.ScreenshotAsync(verifier, "verifier-queue-desktop");

        await card.GetByText("Disposisikan ke").First.ClickAsync();
        await card.GetByLabel("Disposisikan ke").FillAsync("35.78.dlh");
        await card.GetByRole(AriaRole.Button, new() { Name = "Disposisikan ke" }).ClickAsync();
        await Expect(verifier.GetByRole(AriaRole.Status)).ToContainTextAsync(receipt.TrackingId);
        await Eventually(async () => (await TrackAsync(Browserless(), receipt)).TryGetProperty("agencyId", out var agency) && agency.GetString() == "35.78.dlh",
            "the citizen's report is routed where the verifier said");
    }

    [Fact]
    public async Task A_verifier_changes_the_route_of_a_report_triage_already_routed_and_says_why()
    {
        var citizen = Browserless();
        var receipt = await FileAsync(citizen, RoadInSurabaya);
        await Eventually(async () => (await TrackAsync(citizen, receipt)).TryGetProperty("agencyId", out var agency) && agency.GetString() == RoadAgency,
            "triage routes the report to the roads office");

        var verifier = await browser.OpenAsync(phone: false);
        await PortalBrowser.SignInAsync(verifier, "verifier");
        await verifier.GotoAsync("/verifikasi");
        await verifier.GetByText("Ubah disposisi laporan yang sudah diteruskan").ClickAsync();
        await verifier.GetByLabel("Nomor laporan").FillAsync(receipt.TrackingId.ToLowerInvariant());
        await verifier.GetByLabel("Instansi tujuan baru").FillAsync("35.78.dinkes");
        await verifier.GetByLabel("Alasan perubahan").FillAsync("Genangan menjadi sarang nyamuk DBD");
        await verifier.GetByRole(AriaRole.Button, new() { Name = "Ubah disposisi", Exact = true }).ClickAsync();
        await Expect(verifier.GetByRole(AriaRole.Status)).ToContainTextAsync(receipt.TrackingId);
        await Eventually(async () => (await TrackAsync(citizen, receipt)).GetProperty("agencyId").GetString() == "35.78.dinkes",
            "the citizen's report is routed where the verifier said");
    }

    [Fact]
    public async Task An_officer_enters_a_walk_in_report_at_the_counter_and_gets_a_receipt_to_print()
    {
        var officer = await browser.OpenAsync(phone: false);
        await PortalBrowser.SignInAsync(officer, "officer", agency: RoadAgency, name: "Loket");
        await officer.GotoAsync("/meja");
        await officer.GetByRole(AriaRole.Link, new() { Name = "Catat laporan warga yang datang ke loket" }).ClickAsync();
        await Expect(officer.Locator("h1")).ToHaveTextAsync("Catat laporan dari loket");
        await officer.GetByLabel("Judul laporan").FillAsync("Drainase tersumbat di Jalan Kutai");
        await officer.GetByLabel("Isi laporan").FillAsync("Warga datang ke loket: saluran drainase di Jalan Kutai tersumbat sampah sehingga banjir setiap hujan.");
        await officer.GetByLabel("Daerah kejadian").SelectOptionAsync("35.78");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Kirim laporan" }).ClickAsync();
        await Expect(officer.GetByRole(AriaRole.Status)).ToContainTextAsync("Cetak halaman ini");
        var trackingId = (await officer.Locator("#tracking-id").InnerTextAsync()).Trim();
        await PortalBrowser.ScreenshotAsync(officer, "counter-receipt-desktop");

        using var scope = browser.Lapor.Services.CreateScope();
        Assert.Equal(Channel.Counter, scope.ServiceProvider.GetRequiredService<IntakeDbContext>().Complaints.Single(c => c.TrackingId == trackingId).Channel);
    }

    [Fact]
    public async Task A_verifier_puts_a_vague_report_on_hold_and_the_reporter_is_asked()
    {
        var receipt = await FileAsync(Browserless(), new
        {
            type = "aduan",
            title = "Lampu jalan mati sudah lama",
            text = "Lampu penerangan jalan di dekat rumah kami mati sudah lama dan belum ada yang memperbaiki sampai sekarang.",
        });
        var verifier = await browser.OpenAsync(phone: false);
        await PortalBrowser.SignInAsync(verifier, "verifier");
        var card = verifier.Locator($"#q-{receipt.TrackingId}");
        await Eventually(async () =>
        {
            await verifier.GotoAsync("/verifikasi");
            return await card.CountAsync() > 0;
        }, "the report waits in the verification queue");

        await card.GetByText("Tunda").First.ClickAsync();
        await card.GetByLabel("Apa yang perlu dilengkapi pelapor?", new() { Exact = false }).FillAsync("Di jalan, kelurahan dan kota mana lampunya mati?");
        await card.GetByRole(AriaRole.Button, new() { Name = "Tunda" }).ClickAsync();
        await Expect(verifier.GetByRole(AriaRole.Status)).ToContainTextAsync(receipt.TrackingId);
        Assert.Equal(0, await verifier.Locator($"#q-{receipt.TrackingId}").CountAsync());
        await Eventually(async () => (await TrackAsync(Browserless(), receipt)).GetProperty("status").GetString() == "menunggu_tanggapan_pelapor",
            "the reporter is asked");
    }

    [Fact]
    public async Task Staff_pages_send_a_visitor_without_a_session_to_sign_in_and_the_language_switch_remembers_english()
    {
        var page = await browser.OpenAsync();
        await page.GotoAsync("/meja");
        Assert.EndsWith("/masuk?kembali=%2Fmeja", page.Url);

        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Staff sign-in");
        await page.GotoAsync("/lapor");
        await Expect(page.GetByLabel("Title")).ToBeVisibleAsync();
        await PortalBrowser.ScreenshotAsync(page, "citizen-file-english-phone");
    }

    [Fact]
    public async Task The_public_feed_masks_personal_data_and_counts_a_browsers_support_once()
    {
        var receipt = await FileAsync(Browserless(), new
        {
            type = "aduan",
            title = "Bantuan sosial belum cair di Klaten",
            text = "Sudah terdaftar dengan NIK 3310012345678901 tetapi bantuan belum cair sejak Maret. Hubungi saya di 0812-3456-7890.",
            region = "33.10",
        });
        // Public once triage's route has verified it.
        await Eventually(async () => (await Browserless().GetStringAsync("/api/complaints?region=33&limit=100")).Contains(receipt.TrackingId), "the report is public");
        var page = await browser.OpenAsync(phone: true, javaScript: false);
        await page.GotoAsync("/laporan?region=33");
        var card = page.Locator($"#r-{receipt.TrackingId}");
        await Expect(card).ToContainTextAsync("[disamarkan]");
        Assert.DoesNotContain("3310012345678901", await card.InnerTextAsync());
        await PortalBrowser.ScreenshotAsync(page, "citizen-feed-phone");

        await card.GetByRole(AriaRole.Button, new() { Name = "Dukung" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Terima kasih atas dukungan Anda.");
        await Expect(page.Locator($"#r-{receipt.TrackingId} .supports")).ToHaveTextAsync("1 dukungan");
        await page.Locator($"#r-{receipt.TrackingId}").GetByRole(AriaRole.Button, new() { Name = "Dukung" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Anda sudah mendukung laporan ini.");
        await Expect(page.Locator($"#r-{receipt.TrackingId} .supports")).ToHaveTextAsync("1 dukungan");
    }

    [Fact]
    public async Task A_citizen_who_lost_the_access_code_asks_for_a_new_one_without_javascript_and_is_told_where_it_goes()
    {
        var receipt = await FileAsync(Browserless(), new
        {
            type = "aduan", title = Title, text = Text, region = "35.78", contact = new { email = "pelapor.lupa@contoh.id" },
        });
        var citizen = await browser.OpenAsync(phone: true, javaScript: false);
        await citizen.GotoAsync("/lacak");
        await citizen.Locator("#recover summary").ClickAsync();
        await citizen.Locator("#recover-tracking").FillAsync(receipt.TrackingId);
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Kirim kode akses baru" }).ClickAsync();
        await Expect(citizen.Locator("#recovered")).ToContainTextAsync("kode akses baru sudah dikirim ke sana");
        Assert.DoesNotContain("pelapor.lupa", await citizen.ContentAsync()); // the contact is never shown
        await PortalBrowser.ScreenshotAsync(citizen, "citizen-recover-code-phone");
    }

    [Fact]
    public async Task A_supervisor_ticks_reports_assigns_them_to_one_officer_and_downloads_the_inbox_without_javascript()
    {
        var citizen = Browserless();
        var officer = await citizen.AsAsync(Browserless, "officer", RoadAgency, name: "Dewi Bulk");
        var receipts = new[] { await FileAsync(citizen, RoadInSurabaya), await FileAsync(citizen, RoadInSurabaya) };
        foreach (var receipt in receipts) await Eventually(() => InInboxAsync(officer, receipt.TrackingId), "the report reaches the inbox");

        var page = await browser.OpenAsync(phone: true, javaScript: false);
        await PageLayoutTests.SignInAsync(page, "supervisor");
        await page.GotoAsync("/meja?assigned=unassigned");
        foreach (var receipt in receipts) await page.Locator($"#pick-{receipt.TrackingId}").CheckAsync();
        await page.Locator("#assign-to").SelectOptionAsync(new SelectOptionValue { Label = "Dewi Bulk" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Tugaskan", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("2 laporan ditugaskan.");
        foreach (var receipt in receipts)
            Assert.Contains("Dewi Bulk", (await officer.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/desk/complaints/{receipt.TrackingId}")).GetProperty("assignedTo").GetString());

        var download = await page.APIRequest.GetAsync("/meja?handler=csv");
        Assert.Equal(200, download.Status);
        Assert.StartsWith("tracking_id,", await download.TextAsync());
        await PortalBrowser.ScreenshotAsync(page, "supervisor-bulk-assign-phone");
    }

    [Fact]
    public async Task A_citizen_page_is_small_on_the_wire()
    {
        var page = await browser.OpenAsync(phone: true, javaScript: false);
        var responses = new List<IResponse>();
        page.Response += (_, response) => responses.Add(response);
        await page.GotoAsync("/lapor", new() { WaitUntil = WaitUntilState.NetworkIdle });
        var html = await page.ContentAsync();

        long total = 0;
        foreach (var response in responses) total += (await response.BodyAsync()).Length;
        Console.WriteLine($"Citizen form: {responses.Count} responses, {total / 1024.0:0.0} KB (uncompressed bodies).");
        Assert.True(total < 100 * 1024, $"The citizen form weighs {total} bytes.");
        Assert.Equal(2, responses.Count); // the page and its one stylesheet; no scripts, no fonts
        Assert.DoesNotMatch(new Regex("<script", RegexOptions.IgnoreCase), html);
    }

    private HttpClient Browserless() => new() { BaseAddress = new Uri(browser.BaseAddress) };

    [Fact]
    public async Task A_supervisor_assigns_a_waiting_report_to_an_officer_from_the_report_page()
    {
        var http = new HttpClient { BaseAddress = new Uri(browser.BaseAddress) };
        var sari = await http.AsAsync(() => new HttpClient { BaseAddress = new Uri(browser.BaseAddress) }, "officer", RoadAgency, name: "Sari");
        var lamp = new { type = "aduan", title = "Trotoar rusak di Jalan Darmo", text = "Trotoar di Jalan Darmo rusak dan berlubang, pejalan kaki terpaksa turun ke jalan raya. Mohon diperbaiki.", region = "35.78" };
        var claimed = await FileAsync(http, lamp);
        var waiting = await FileAsync(http, lamp);
        await Eventually(async () => await InInboxAsync(sari, claimed.TrackingId) && await InInboxAsync(sari, waiting.TrackingId), "both reports reach the inbox");
        Assert.True((await sari.PostAsJsonAsync($"/api/desk/complaints/{claimed.TrackingId}/claim", new { })).IsSuccessStatusCode);

        var supervisor = await browser.OpenAsync(phone: false);
        await PortalBrowser.SignInAsync(supervisor, "supervisor", agency: RoadAgency, name: "Kepala");
        await supervisor.GotoAsync($"/meja/{waiting.TrackingId}");
        var sariId = await supervisor.Locator("#officers option[value$=':Sari']").GetAttributeAsync("value");
        Assert.NotNull(sariId);
        await supervisor.Locator("#officer").FillAsync(sariId!);
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "Tugaskan", Exact = true }).ClickAsync();

        var report = await sari.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/desk/complaints/{waiting.TrackingId}");
        Assert.Equal(sariId, report.GetProperty("assignedTo").GetString());
    }

    /// <summary>A citizen signed in files a report and finds it under "Laporan saya", then adds one filed earlier without an account.</summary>
    [Fact]
    public async Task A_signed_in_citizen_finds_their_reports_under_laporan_saya_and_adds_an_earlier_one()
    {
        var earlier = await FileAsync(new HttpClient { BaseAddress = new Uri(browser.BaseAddress) }, RoadInSurabaya);
        var citizen = await browser.OpenAsync(phone: true, javaScript: false);
        await PortalBrowser.SignInAsync(citizen, "citizen", name: "Rina Warga");
        await Expect(citizen.Locator("h1")).ToHaveTextAsync("Laporan saya");

        await citizen.GotoAsync("/lapor");
        await citizen.GetByLabel("Judul laporan").FillAsync("Sampah menumpuk di TPS Jalan Kenanga");
        await citizen.GetByLabel("Isi laporan").FillAsync("Sampah di TPS Jalan Kenanga tidak diangkut seminggu, baunya sampai ke rumah warga.");
        await citizen.GetByLabel("Daerah kejadian").SelectOptionAsync("35.78");
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Kirim laporan" }).ClickAsync();
        var trackingId = (await citizen.Locator("#tracking-id").InnerTextAsync()).Trim();

        await citizen.GotoAsync("/laporan-saya");
        await Expect(citizen.Locator("#my-reports")).ToContainTextAsync(trackingId);
        await citizen.GetByLabel("Nomor laporan (LPR-…)").FillAsync(earlier.TrackingId);
        await citizen.GetByLabel("Kode akses laporan itu").FillAsync(earlier.AccessCode);
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Tambahkan" }).ClickAsync();
        await Expect(citizen.Locator("#my-reports")).ToContainTextAsync(earlier.TrackingId);
        await PortalBrowser.ScreenshotAsync(citizen, "citizen-my-reports-phone");
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    [Fact]
    public async Task A_reporter_downloads_and_erases_their_personal_data_from_the_tracking_page()
    {
        var client = new HttpClient { BaseAddress = new Uri(browser.BaseAddress) };
        var receipt = await FileAsync(client, new
        {
            type = "aduan", title = Title, text = Text, region = "35.78",
            contact = new { name = "Ratna Kusuma", email = "ratna.kusuma@contoh.id" },
        });
        var citizen = await browser.OpenAsync(phone: true, javaScript: false);
        await citizen.GotoAsync("/lacak");
        await citizen.GetByLabel("Nomor laporan").FillAsync(receipt.TrackingId);
        await citizen.GetByLabel("Kode akses").FillAsync(receipt.AccessCode);
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Lihat laporan" }).ClickAsync();

        var download = await citizen.RunAndWaitForDownloadAsync(() => citizen.GetByRole(AriaRole.Button, new() { Name = "Unduh data pribadi" }).ClickAsync());
        Assert.Contains("Ratna Kusuma", await File.ReadAllTextAsync(await download.PathAsync()));

        await citizen.GetByLabel("Saya mengerti: Lapor tidak dapat lagi menghubungi saya tentang laporan ini.").CheckAsync();
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Hapus data pribadi saya" }).ClickAsync();
        await Expect(citizen.Locator("#personal-data [role=status]")).ToHaveTextAsync("Data pribadi Anda untuk laporan ini sudah dihapus.");
        var again = await citizen.RunAndWaitForDownloadAsync(() => citizen.GetByRole(AriaRole.Button, new() { Name = "Unduh data pribadi" }).ClickAsync());
        Assert.DoesNotContain("Ratna Kusuma", await File.ReadAllTextAsync(await again.PathAsync()));
        await Expect(citizen.Locator("#timeline")).ToContainTextAsync("Laporan dikirim");
    }
}
