using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lapor.EndToEnd.Tests.Infrastructure;
using static Lapor.EndToEnd.Tests.Infrastructure.SkeletonFlow;

namespace Lapor.EndToEnd.Tests;

/// <summary>Who read what: staff opening a report or downloading its attachment is recorded for supervisors and verifiers.</summary>
public sealed class ReadAuditTests(EmbeddedLaporFactory lapor) : IClassFixture<EmbeddedLaporFactory>
{
    [Fact]
    public async Task An_officers_reading_and_a_verifiers_download_are_seen_by_the_agencys_supervisor_and_by_verifiers_without_the_reporter()
    {
        var citizen = lapor.CreateClient();
        var receipt = await FileAsync(citizen, new
        {
            type = "aduan", title = "Jalan berlubang di depan Pasar Wonokromo", region = "35.78",
            text = "Jalan di depan Pasar Wonokromo rusak berlubang besar sejak sebulan, sudah dua pengendara motor jatuh.",
            contact = new { name = "Agus Priyanto", email = "agus.priyanto@contoh.id" },
        });
        using (var upload = new HttpRequestMessage(HttpMethod.Post, $"/api/complaints/{receipt.TrackingId}/attachments"))
        {
            upload.Headers.Add("X-Access-Code", receipt.AccessCode);
            upload.Content = new MultipartFormDataContent { { new ByteArrayContent(TestImages.Png()), "attachments", "foto.png" } };
            Assert.Equal(HttpStatusCode.Created, (await citizen.SendAsync(upload)).StatusCode);
        }
        var officer = await citizen.AsAsync(lapor.CreateClient, "officer", RoadAgency, name: "Budi Petugas");
        await Eventually(() => InInboxAsync(officer, receipt.TrackingId), "the report reaches the inbox");
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"/api/desk/complaints/{receipt.TrackingId}")).StatusCode);
        var verifier = await citizen.AsAsync(lapor.CreateClient, "verifier", name: "Vera Verifikator");
        var files = await verifier.GetFromJsonAsync<List<JsonElement>>($"/api/complaints/{receipt.TrackingId}/attachments");
        Assert.Equal(HttpStatusCode.OK, (await verifier.GetAsync($"/api/complaints/{receipt.TrackingId}/attachments/{files![0].GetProperty("id").GetString()}")).StatusCode);

        var supervisor = await citizen.AsAsync(lapor.CreateClient, "supervisor", RoadAgency);
        var otherSupervisor = await citizen.AsAsync(lapor.CreateClient, "supervisor", "35.78.dinkes");
        List<JsonElement> reads = [];
        await Eventually(async () =>
        {
            reads = (await supervisor.GetFromJsonAsync<List<JsonElement>>($"/api/desk/reads?trackingId={receipt.TrackingId}"))!;
            return reads.Count == 2;
        }, "the supervisor sees both reads");

        Assert.Equal(["attachment", "report"], reads.Select(r => r.GetProperty("what").GetString()));
        Assert.Equal(["verifier", "officer"], reads.Select(r => r.GetProperty("readerRole").GetString()));
        Assert.Contains("Budi Petugas", reads[1].GetProperty("readerId").GetString());
        var all = await verifier.GetStringAsync($"/api/admin/agency-desk/reads?trackingId={receipt.TrackingId}");
        Assert.Contains("Vera Verifikator", all);
        Assert.DoesNotContain("Agus", all);
        Assert.Empty((await otherSupervisor.GetFromJsonAsync<List<JsonElement>>($"/api/desk/reads?trackingId={receipt.TrackingId}"))!);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/api/desk/reads")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/api/admin/agency-desk/reads")).StatusCode);
    }
}
