using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lapor.AgencyDesk.Persistence;
using Lapor.EndToEnd.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Lapor.EndToEnd.Tests.Infrastructure.SkeletonFlow;

namespace Lapor.EndToEnd.Tests;

/// <summary>An officer's day in the embedded host: claim, ask, answer, resolve, forward — and the agency boundary.</summary>
public sealed class DeskWorkflowTests(EmbeddedLaporFactory lapor) : IClassFixture<EmbeddedLaporFactory>
{
    private async Task<(Receipt Receipt, HttpClient Officer)> RoutedRoadReportAsync(string officerName = "budi")
    {
        var citizen = lapor.CreateClient();
        var officer = await citizen.AsAsync(lapor.CreateClient, "officer", RoadAgency, name: officerName);
        var receipt = await FileAsync(citizen, RoadInSurabaya);
        await Eventually(() => InInboxAsync(officer, receipt.TrackingId), "the report reaches the inbox");
        return (receipt, officer);
    }

    private static Task<HttpResponseMessage> Act(HttpClient officer, Receipt receipt, string action, object? body = null) =>
        officer.PostAsJsonAsync($"/api/desk/complaints/{receipt.TrackingId}/{action}", body ?? new { });

    private async Task<JsonElement> CitizenViewAsync(Receipt receipt) => await TrackAsync(lapor.CreateClient(), receipt);

    [Fact]
    public async Task Asking_answering_and_resolving_reach_the_citizen_in_order()
    {
        var (receipt, officer) = await RoutedRoadReportAsync();

        Assert.Equal(HttpStatusCode.OK, (await Act(officer, receipt, "claim")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Act(officer, receipt, "ask", new { text = "Mohon kirim foto lokasi dan patokan terdekat." })).StatusCode);
        await Eventually(async () => (await CitizenViewAsync(receipt)).GetProperty("status").GetString() == "menunggu_tanggapan_pelapor",
            "the citizen sees the question");

        Assert.Equal(HttpStatusCode.OK, (await Act(officer, receipt, "respond", new { text = "Tim sudah meninjau lokasi, perbaikan dijadwalkan minggu depan." })).StatusCode);
        var resolved = await Act(officer, receipt, "resolve", new { text = "Lubang jalan sudah ditambal dan diaspal ulang pada 24 November." });
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        Assert.Equal("selesai", (await resolved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());

        await Eventually(async () => (await CitizenViewAsync(receipt)).GetProperty("status").GetString() == "selesai", "the citizen sees it resolved");
        // Each event travels its own queue; the timeline is complete once all six have arrived, in whatever order.
        await Eventually(async () => (await CitizenViewAsync(receipt)).GetProperty("timeline").GetArrayLength() == 6, "the timeline is complete");
        var steps = (await CitizenViewAsync(receipt)).GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("step").GetString()).ToList();
        Assert.Equal(["filed", "verified", "routed", "agency_asked", "agency_responded", "resolved"], steps);
    }

    [Fact]
    public async Task A_supervisor_sees_the_agencys_open_and_unassigned_reports_and_each_officers_load_and_no_other_agencys()
    {
        var name = "sari-" + Guid.NewGuid().ToString("N")[..6];
        var (claimed, officer) = await RoutedRoadReportAsync(name);
        await RoutedRoadReportAsync(); // a second report nobody has taken
        Assert.Equal(HttpStatusCode.OK, (await Act(officer, claimed, "claim")).StatusCode);

        var supervisor = await lapor.CreateClient().AsAsync(lapor.CreateClient, "supervisor", RoadAgency, name: "kepala");
        var overview = await supervisor.GetFromJsonAsync<JsonElement>("/api/desk/overview");
        Assert.Equal(RoadAgency, overview.GetProperty("agencyId").GetString());
        Assert.True(overview.GetProperty("open").GetInt32() >= 2);
        Assert.True(overview.GetProperty("unassigned").GetInt32() >= 1);
        var load = overview.GetProperty("officers").EnumerateArray().Single(o => o.GetProperty("officerId").GetString()!.EndsWith(":" + name));
        Assert.Equal(1, load.GetProperty("open").GetInt32());
        Assert.Equal(0, load.GetProperty("overdue").GetInt32());

        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/api/desk/overview")).StatusCode);
        var otherHead = await lapor.CreateClient().AsAsync(lapor.CreateClient, "supervisor", "35.78.dinkes", name: "kepala");
        var other = await otherHead.GetFromJsonAsync<JsonElement>("/api/desk/overview");
        Assert.Equal("35.78.dinkes", other.GetProperty("agencyId").GetString());
        Assert.DoesNotContain(other.GetProperty("officers").EnumerateArray(), o => o.GetProperty("officerId").GetString()!.EndsWith(":" + name));
    }

    [Fact]
    public async Task Illegal_transitions_answer_409_and_change_nothing()
    {
        var (receipt, officer) = await RoutedRoadReportAsync();
        await Act(officer, receipt, "resolve", new { text = "Saluran air sudah dibersihkan dan jalan sudah ditambal." });

        var again = await Act(officer, receipt, "resolve", new { text = "Saluran air sudah dibersihkan dan jalan sudah ditambal." });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Conflict, (await Act(officer, receipt, "respond", new { text = "Tanggapan setelah selesai tidak boleh." })).StatusCode);

        var details = await officer.GetFromJsonAsync<JsonElement>($"/api/desk/complaints/{receipt.TrackingId}");
        Assert.Single(details.GetProperty("conversation").EnumerateArray());
    }

    [Fact]
    public async Task A_reply_that_only_says_it_was_received_or_passed_on_is_not_a_resolution()
    {
        var (receipt, officer) = await RoutedRoadReportAsync();
        var response = await Act(officer, receipt, "resolve", new { text = "Terima kasih, laporan sudah kami terima dan sudah diteruskan." });
        var evasive = await Act(officer, receipt, "resolve", new { text = "Laporan sudah diteruskan kepada Bidang Jalan dan Jembatan untuk diproses lebih lanjut sesuai prosedur yang berlaku." });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, evasive.StatusCode);
        // The officer reads the refusal in Bahasa Indonesia, the portal's first language.
        Assert.StartsWith("Penyelesaian harus menyebut apa yang dilakukan",
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("text")[0].GetString());
        var details = await officer.GetFromJsonAsync<JsonElement>($"/api/desk/complaints/{receipt.TrackingId}");
        Assert.Equal("terdisposisi", details.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_report_claimed_by_one_officer_cannot_be_claimed_by_another()
    {
        var (receipt, budi) = await RoutedRoadReportAsync("budi");
        var sari = await lapor.CreateClient().AsAsync(lapor.CreateClient, "officer", RoadAgency, name: "sari");

        Assert.Equal(HttpStatusCode.OK, (await Act(budi, receipt, "claim")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await Act(sari, receipt, "claim")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Act(sari, receipt, "assign", new { officerId = "officer:x:sari" })).StatusCode);
    }

    [Fact]
    public async Task Two_officers_saving_the_same_report_at_once_one_wins_and_the_other_conflicts()
    {
        var (receipt, _) = await RoutedRoadReportAsync();
        await using var first = lapor.Services.CreateAsyncScope();
        await using var second = lapor.Services.CreateAsyncScope();
        var db1 = first.ServiceProvider.GetRequiredService<DeskDbContext>();
        var db2 = second.ServiceProvider.GetRequiredService<DeskDbContext>();
        var copy1 = await db1.Complaints.SingleAsync(c => c.TrackingId == receipt.TrackingId);
        var copy2 = await db2.Complaints.SingleAsync(c => c.TrackingId == receipt.TrackingId);

        copy1.Respond("budi", "Petugas sudah dijadwalkan meninjau lokasi besok pagi.", DateTimeOffset.UtcNow);
        copy2.Respond("sari", "Kami akan memperbaiki jalan tersebut dalam minggu ini.", DateTimeOffset.UtcNow);
        await db1.SaveChangesAsync();

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db2.SaveChangesAsync());
    }

    [Fact]
    public async Task Another_agency_cannot_see_or_act_on_the_report_by_any_id()
    {
        var (receipt, _) = await RoutedRoadReportAsync();
        var outsider = await lapor.CreateClient().AsAsync(lapor.CreateClient, "supervisor", "35.78.dinkes");

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/desk/complaints/{receipt.TrackingId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Act(outsider, receipt, "respond", new { text = "Mencoba menanggapi laporan instansi lain." })).StatusCode);
        Assert.False(await InInboxAsync(outsider, receipt.TrackingId));
        var page = await outsider.GetFromJsonAsync<JsonElement>($"/api/desk/inbox?q={receipt.TrackingId}&region=35.78&sort=date");
        Assert.Empty(page.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task A_forwarded_report_moves_to_the_target_agency_inbox()
    {
        var (receipt, officer) = await RoutedRoadReportAsync();
        var health = await lapor.CreateClient().AsAsync(lapor.CreateClient, "officer", "35.78.dinkes");

        var forwarded = await Act(officer, receipt, "forward", new { targetAgencyId = "35.78.dinkes", reason = "Ini soal genangan yang menjadi sarang nyamuk DBD." });
        Assert.Equal(HttpStatusCode.OK, forwarded.StatusCode);

        await Eventually(() => InInboxAsync(health, receipt.TrackingId), "the target agency has the report");
        Assert.False(await InInboxAsync(officer, receipt.TrackingId));
        await Eventually(async () => (await CitizenViewAsync(receipt)).GetProperty("agencyId").GetString() == "35.78.dinkes",
            "the citizen sees the new agency");
        var details = await health.GetFromJsonAsync<JsonElement>($"/api/desk/complaints/{receipt.TrackingId}");
        Assert.Equal(2, details.GetProperty("routeHistory").GetArrayLength());

        // Triage keeps the agency's forward as a corrected example, with the sector of the agency that took it.
        await using (var scope = lapor.Services.CreateAsyncScope())
        {
            var triage = scope.ServiceProvider.GetRequiredService<Lapor.Triage.Persistence.TriageDbContext>();
            var complaintId = await triage.Complaints.Where(c => c.TrackingId == receipt.TrackingId).Select(c => c.ComplaintId).SingleAsync();
            var correction = await triage.Corrections.SingleAsync(c => c.ComplaintId == complaintId);
            Assert.Equal(("35.78.dinkes", Lapor.Contracts.Sector.Kesehatan), (correction.AgencyId, correction.Sector));
        }

        // The inbox header's counts, kept as reports move, agree with the reports themselves in both agencies.
        Assert.Equal(HttpStatusCode.OK, (await Act(health, receipt, "respond", new { text = "Petugas puskesmas akan memeriksa jentik nyamuk di lokasi." })).StatusCode);
        await Eventually(async () => await CountsMatchAsync(officer, RoadAgency) && await CountsMatchAsync(health, "35.78.dinkes"), "kept counts equal counted ones");
    }

    private async Task<bool> CountsMatchAsync(HttpClient officer, string agencyId)
    {
        var kept = (await officer.GetFromJsonAsync<JsonElement>("/api/desk/inbox")).GetProperty("countsByStatus").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.GetInt32());
        await using var scope = lapor.Services.CreateAsyncScope();
        var counted = (await scope.ServiceProvider.GetRequiredService<DeskDbContext>().Complaints.Where(c => c.AgencyId == agencyId)
                .GroupBy(c => c.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync())
            .ToDictionary(c => Lapor.ServiceDefaults.LaporJson.WireName(c.Key), c => c.Count);
        return kept.Count > 0 && kept.OrderBy(k => k.Key).SequenceEqual(counted.OrderBy(c => c.Key));
    }

    [Fact]
    public async Task The_inbox_pages_with_a_stable_cursor_and_counts_by_status()
    {
        var citizen = lapor.CreateClient();
        var officer = await citizen.AsAsync(lapor.CreateClient, "officer", "61.71.dishub");
        var filed = new List<string>();
        for (var i = 0; i < 5; i++)
            filed.Add((await FileAsync(citizen, new
            {
                type = "aduan",
                title = $"Parkir liar di Jalan Gajah Mada nomor {i}",
                text = "Juru parkir liar menarik tarif dua kali lipat di tepi jalan Kota Pontianak setiap malam.",
                region = "61.71",
                sector = "perhubungan",
            })).TrackingId);
        await Eventually(async () => filed.All(id => InInboxAsync(officer, id).Result), "all five reach the inbox");

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await officer.GetFromJsonAsync<JsonElement>($"/api/desk/inbox?limit=2&q=gajah%20mada{(cursor is null ? "" : "&cursor=" + cursor)}");
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("trackingId").GetString()!));
            cursor = page.TryGetProperty("nextCursor", out var next) ? next.GetString() : null;
            Assert.True(page.GetProperty("countsByStatus").GetProperty("terdisposisi").GetInt32() >= 5);
        } while (cursor is not null);

        Assert.Equal(filed.Order(), seen.Order());
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(HttpStatusCode.BadRequest, (await officer.GetAsync("/api/desk/inbox?cursor=not-a-cursor")).StatusCode);
    }

    private Task<HttpResponseMessage> Citizen(Receipt receipt, string action, object body, string? code = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/complaints/{receipt.TrackingId}/{action}") { Content = JsonContent.Create(body) };
        request.Headers.Add("X-Access-Code", code ?? receipt.AccessCode);
        return lapor.CreateClient().SendAsync(request);
    }

    [Fact]
    public async Task The_reporters_reply_rating_and_dissatisfaction_reach_the_desk()
    {
        var (receipt, officer) = await RoutedRoadReportAsync();
        Assert.Equal(HttpStatusCode.Conflict, (await Citizen(receipt, "rating", new { rating = 5 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Citizen(receipt, "replies", new { text = "Lokasinya di depan pintu utara." }, code: "AAAAAAAAAAAA")).StatusCode);

        await Act(officer, receipt, "ask", new { text = "Mohon sebutkan patokan lokasi yang lebih tepat." });
        await Eventually(async () => (await CitizenViewAsync(receipt)).GetProperty("status").GetString() == "menunggu_tanggapan_pelapor", "the question arrives");
        Assert.Equal(HttpStatusCode.OK, (await Citizen(receipt, "replies", new { text = "Lokasinya di depan pintu utara pasar, dekat halte." })).StatusCode);
        await Eventually(async () => (await officer.GetFromJsonAsync<JsonElement>($"/api/desk/complaints/{receipt.TrackingId}"))
            .GetProperty("conversation").EnumerateArray().Any(m => m.GetProperty("from").GetString() == "reporter"), "the reply shows in the desk conversation");

        await Act(officer, receipt, "resolve", new { text = "Lubang di depan pintu utara sudah ditambal dan diaspal." });
        await Eventually(async () => (await CitizenViewAsync(receipt)).GetProperty("status").GetString() == "selesai", "the resolution arrives");
        Assert.Equal(HttpStatusCode.OK, (await Citizen(receipt, "rating", new { rating = 2, comment = "Tambalannya sudah retak lagi." })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Citizen(receipt, "rating", new { rating = 9 })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await Citizen(receipt, "rating", new { rating = 5 })).StatusCode); // once per answer
        Assert.Equal(HttpStatusCode.OK, (await Citizen(receipt, "reopen", new { reason = "Tambalan sudah retak lagi setelah hujan dua hari." })).StatusCode);

        await Eventually(async () => (await DeskViewAsync(officer, receipt)).GetProperty("status").GetString() == "sedang_diproses", "the desk sees the report open again");
        // Triage restarts the follow-up clock at the reopening and announces it; the desk and intake both take it.
        // (Today's reopening and today's route share a deadline day, so the message itself is what the test follows.)
        var restarted = await RestartedClockAsync(receipt);
        await Eventually(async () => await HandledAsync<DeskDbContext>(restarted.MessageId) && await HandledAsync<Lapor.Intake.Persistence.IntakeDbContext>(restarted.MessageId),
            "the desk and intake take the new deadline");
        var reopened = await DeskViewAsync(officer, receipt);
        Assert.False(reopened.TryGetProperty("respondedAt", out _)); // owed an answer again (nulls are left out)
        Assert.Equal(JsonValueKind.String, reopened.GetProperty("firstRespondedAt").ValueKind);
        Assert.Equal(restarted.Event.FollowUpDueAt, reopened.GetProperty("followUpDueAt").GetDateTimeOffset());
        Assert.Equal(restarted.Event.FollowUpDueAt, (await CitizenViewAsync(receipt)).GetProperty("followUpDueAt").GetDateTimeOffset());

        Assert.Equal(HttpStatusCode.OK, (await Act(officer, receipt, "respond", new { text = "Kami akan mengaspal ulang seluruh ruas minggu ini." })).StatusCode);
        Assert.Equal(JsonValueKind.String, (await DeskViewAsync(officer, receipt)).GetProperty("respondedAt").ValueKind);
    }

    private async Task<(Guid MessageId, Lapor.Contracts.FollowUpRestarted Event)> RestartedClockAsync(Receipt receipt)
    {
        (Guid, Lapor.Contracts.FollowUpRestarted)? found = null;
        await Eventually(async () =>
        {
            using var scope = lapor.Services.CreateScope();
            var triage = scope.ServiceProvider.GetRequiredService<Lapor.Triage.Persistence.TriageDbContext>();
            var rows = await triage.OutboxMessages.AsNoTracking().Where(m => m.MessageType == typeof(Lapor.Contracts.FollowUpRestarted).FullName).ToListAsync();
            found = rows.Select(m => (m.MessageId, Event: (Lapor.Contracts.FollowUpRestarted)m.Deserialize().Message))
                .Where(r => r.Event.TrackingId == receipt.TrackingId).Cast<(Guid, Lapor.Contracts.FollowUpRestarted)?>().SingleOrDefault();
            return found is not null;
        }, "triage restarts the follow-up clock");
        return found!.Value;
    }

    private async Task<bool> HandledAsync<TContext>(Guid messageId) where TContext : DbContext
    {
        using var scope = lapor.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<TContext>().Set<Lapor.ServiceDefaults.Messaging.InboxMessage>().AnyAsync(m => m.MessageId == messageId);
    }

    private static async Task<JsonElement> DeskViewAsync(HttpClient officer, Receipt receipt) =>
        await officer.GetFromJsonAsync<JsonElement>($"/api/desk/complaints/{receipt.TrackingId}");
}
