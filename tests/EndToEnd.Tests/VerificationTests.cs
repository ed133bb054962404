using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lapor.EndToEnd.Tests.Infrastructure;
using static Lapor.EndToEnd.Tests.Infrastructure.SkeletonFlow;

namespace Lapor.EndToEnd.Tests;

/// <summary>Reports triage would not guess wait for a verifier, who routes or archives them; routes become training examples.</summary>
public sealed class VerificationTests(EmbeddedLaporFactory lapor) : IClassFixture<EmbeddedLaporFactory>
{
    private static readonly object RubbishWithoutRegion = new
    {
        type = "aduan",
        title = "Sampah menumpuk tidak diangkut",
        text = "Sampah di pinggir jalan dekat rumah kami menumpuk dan tidak diangkut sudah seminggu, baunya menyengat.",
    };

    private async Task<(Receipt Receipt, HttpClient Verifier)> WaitingReportAsync()
    {
        var citizen = lapor.CreateClient();
        var verifier = await citizen.AsAsync(lapor.CreateClient, "verifier");
        var receipt = await FileAsync(citizen, RubbishWithoutRegion);
        await Eventually(async () => (await verifier.GetFromJsonAsync<JsonElement>("/api/triage/queue")).EnumerateArray()
            .Any(r => r.GetProperty("trackingId").GetString() == receipt.TrackingId), "the report waits in the verification queue");
        return (receipt, verifier);
    }

    private static async Task<bool> QueuedAsync(HttpClient verifier, Receipt receipt, bool postponed = false) =>
        (await verifier.GetFromJsonAsync<JsonElement>($"/api/triage/queue?postponed={postponed}")).EnumerateArray()
            .Any(r => r.GetProperty("trackingId").GetString() == receipt.TrackingId);

    [Fact]
    public async Task A_verifier_changes_a_routed_report_s_route_with_a_reason_and_it_moves_between_inboxes()
    {
        var citizen = lapor.CreateClient();
        var verifier = await citizen.AsAsync(lapor.CreateClient, "verifier");
        var roads = await citizen.AsAsync(lapor.CreateClient, "officer", RoadAgency);
        var health = await citizen.AsAsync(lapor.CreateClient, "officer", "35.78.dinkes");
        var receipt = await FileAsync(citizen, RoadInSurabaya);
        await Eventually(() => InInboxAsync(roads, receipt.TrackingId), "the report reaches the roads office");
        var route = $"/api/triage/complaints/{receipt.TrackingId}/route";

        await AssertNamesFieldAsync(await verifier.PostAsJsonAsync(route, new { agencyId = "35.78.dinkes" }), "reason");
        Assert.Equal(HttpStatusCode.Forbidden, (await roads.PostAsJsonAsync(route, new { agencyId = "35.78.dinkes", reason = "Soal genangan DBD" })).StatusCode);
        await AssertNamesFieldAsync(await verifier.PostAsJsonAsync(route, new { agencyId = "35.78.tidak-ada", reason = "Soal genangan DBD" }), "agencyId");
        await AssertNamesFieldAsync(await verifier.PostAsJsonAsync(route, new { agencyId = "nas.lapor-admin", reason = "Soal genangan DBD" }), "agencyId");
        await AssertNamesFieldAsync(await verifier.PostAsJsonAsync(route, new { agencyId = "35.78.dinkes", sector = "pendidikan", reason = "Soal genangan DBD" }), "sector",
            HttpStatusCode.UnprocessableEntity); // a well-formed choice the agency cannot take
        Assert.Equal(HttpStatusCode.NotFound,
            (await verifier.PostAsJsonAsync("/api/triage/complaints/LPR-00000000/route", new { agencyId = "35.78.dinkes", reason = "Soal genangan DBD" })).StatusCode);
        Assert.True(await InInboxAsync(roads, receipt.TrackingId)); // nothing above moved it

        Assert.Equal(HttpStatusCode.OK, (await verifier.PostAsJsonAsync(route, new { agencyId = "35.78.dinkes", reason = "Genangan jadi sarang nyamuk DBD" })).StatusCode);
        await Eventually(() => InInboxAsync(health, receipt.TrackingId), "the health office has the report");
        Assert.False(await InInboxAsync(roads, receipt.TrackingId));
        await Eventually(async () => (await TrackAsync(citizen, receipt)).GetProperty("agencyId").GetString() == "35.78.dinkes", "the citizen sees the new agency");
        Assert.Equal(HttpStatusCode.Conflict, (await verifier.PostAsJsonAsync(route, new { agencyId = "35.78.dinkes", reason = "Sekali lagi" })).StatusCode);
    }

    private static async Task AssertNamesFieldAsync(HttpResponseMessage response, string field, HttpStatusCode status = HttpStatusCode.BadRequest)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _), field);
    }

    [Fact]
    public async Task Tunda_holds_the_report_and_asks_the_reporter_and_their_answer_brings_it_back_to_the_queue()
    {
        var (receipt, verifier) = await WaitingReportAsync();
        Assert.Equal(HttpStatusCode.BadRequest, (await verifier.PostAsJsonAsync($"/api/triage/queue/{receipt.TrackingId}/postpone", new { question = "?" })).StatusCode);
        var question = "Di kelurahan dan kota mana sampah ini menumpuk?";
        Assert.Equal(HttpStatusCode.OK, (await verifier.PostAsJsonAsync($"/api/triage/queue/{receipt.TrackingId}/postpone", new { question })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await verifier.PostAsJsonAsync($"/api/triage/queue/{receipt.TrackingId}/postpone", new { question })).StatusCode);
        Assert.False(await QueuedAsync(verifier, receipt));
        Assert.True(await QueuedAsync(verifier, receipt, postponed: true));

        var citizen = lapor.CreateClient();
        await Eventually(async () =>
        {
            var tracking = await TrackAsync(citizen, receipt);
            return tracking.GetProperty("status").GetString() == "menunggu_tanggapan_pelapor" && tracking.GetRawText().Contains(question);
        }, "the reporter sees the question");

        var reply = new HttpRequestMessage(HttpMethod.Post, $"/api/complaints/{receipt.TrackingId}/replies")
        {
            Content = JsonContent.Create(new { text = "Di Kelurahan Wonokromo, Kota Surabaya, depan pasar." }),
        };
        reply.Headers.Add("X-Access-Code", receipt.AccessCode);
        Assert.Equal(HttpStatusCode.OK, (await citizen.SendAsync(reply)).StatusCode);
        Assert.Equal("belum_terverifikasi", (await TrackAsync(citizen, receipt)).GetProperty("status").GetString());
        await Eventually(() => QueuedAsync(verifier, receipt), "the answered report is back in the queue");
    }

    [Fact]
    public async Task A_verifier_routes_a_waiting_report_and_the_correction_is_learned_from()
    {
        var (receipt, verifier) = await WaitingReportAsync();
        var queue = await verifier.GetFromJsonAsync<JsonElement>("/api/triage/queue");
        var waiting = queue.EnumerateArray().Single(r => r.GetProperty("trackingId").GetString() == receipt.TrackingId);
        Assert.Equal("lingkungan", waiting.GetProperty("suggestion").GetProperty("sector").GetString());
        Assert.Equal("belum_terverifikasi", (await TrackAsync(lapor.CreateClient(), receipt)).GetProperty("status").GetString());

        var routed = await verifier.PostAsJsonAsync($"/api/triage/queue/{receipt.TrackingId}/route", new { agencyId = "35.78.dlh" });
        Assert.Equal(HttpStatusCode.OK, routed.StatusCode);

        var officer = await lapor.CreateClient().AsAsync(lapor.CreateClient, "officer", "35.78.dlh");
        await Eventually(() => InInboxAsync(officer, receipt.TrackingId), "the report reaches the chosen agency");
        await Eventually(async () => (await TrackAsync(lapor.CreateClient(), receipt)).GetProperty("status").GetString() == "terdisposisi",
            "the citizen sees it routed");
        Assert.Equal(HttpStatusCode.Conflict, (await verifier.PostAsJsonAsync($"/api/triage/queue/{receipt.TrackingId}/route", new { agencyId = "35.78.dlh" })).StatusCode);

        var retrained = await (await verifier.PostAsync("/api/triage/model/retrain", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(retrained.GetProperty("examples").GetInt32() > 240, retrained.ToString());
    }

    [Fact]
    public async Task A_verifier_archives_spam_with_a_reason_and_the_citizen_sees_it()
    {
        var (receipt, verifier) = await WaitingReportAsync();
        Assert.Equal(HttpStatusCode.BadRequest, (await verifier.PostAsJsonAsync($"/api/triage/queue/{receipt.TrackingId}/archive", new { })).StatusCode);

        var archived = await verifier.PostAsJsonAsync($"/api/triage/queue/{receipt.TrackingId}/archive", new { reason = "Duplikat laporan LPR-12345678" });
        Assert.Equal(HttpStatusCode.OK, archived.StatusCode);
        await Eventually(async () => (await TrackAsync(lapor.CreateClient(), receipt)).GetProperty("status").GetString() == "diarsipkan",
            "the citizen sees it archived");
    }

    [Fact]
    public async Task Only_verifiers_work_the_queue()
    {
        var officer = await lapor.CreateClient().AsAsync(lapor.CreateClient, "officer", "35.78.dlh");
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/api/triage/queue")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await lapor.CreateClient().GetAsync("/api/triage/queue")).StatusCode);
    }
}
