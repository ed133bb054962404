using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lapor.EndToEnd.Tests.Infrastructure;
using static Lapor.EndToEnd.Tests.Infrastructure.SkeletonFlow;

namespace Lapor.EndToEnd.Tests;

/// <summary>Citizens reporting the same matter: triage clusters them, the desk shows them together, oversight sees the hotspot.</summary>
public sealed class DuplicatesTests(EmbeddedLaporFactory lapor) : IClassFixture<EmbeddedLaporFactory>
{
    [Fact]
    public async Task The_same_pothole_filed_twice_is_one_matter_at_the_desk_and_a_supported_hotspot_for_oversight()
    {
        var citizen = lapor.CreateClient();
        var officer = await citizen.AsAsync(lapor.CreateClient, "officer", RoadAgency);
        var first = await FileAsync(citizen, RoadInSurabaya);
        await Eventually(() => InInboxAsync(officer, first.TrackingId), "the first report reaches the inbox");
        var again = await FileAsync(citizen, new
        {
            type = "aduan",
            title = "Lubang besar di jalan depan Pasar Wonokromo",
            text = "Jalan depan Pasar Wonokromo berlubang besar, motor warga sering jatuh. Mohon segera diperbaiki.",
            region = "35.78",
        });
        var other = await FileAsync(citizen, new
        {
            type = "aduan",
            title = "Lampu penerangan jalan mati di Jalan Darmo",
            text = "Lampu penerangan jalan umum di Jalan Darmo mati sejak seminggu, gelap dan rawan kecelakaan malam hari.",
            region = "35.78",
        });
        await Eventually(() => InInboxAsync(officer, again.TrackingId), "the repeat reaches the inbox");
        await Eventually(() => InInboxAsync(officer, other.TrackingId), "the other report reaches the inbox");

        var repeat = await officer.GetFromJsonAsync<JsonElement>($"/api/desk/complaints/{again.TrackingId}");
        Assert.Equal([first.TrackingId], repeat.GetProperty("duplicates").EnumerateArray().Select(d => d.GetProperty("trackingId").GetString()));
        var original = await officer.GetFromJsonAsync<JsonElement>($"/api/desk/complaints/{first.TrackingId}");
        Assert.Equal([again.TrackingId], original.GetProperty("duplicates").EnumerateArray().Select(d => d.GetProperty("trackingId").GetString()));
        var unrelated = await officer.GetFromJsonAsync<JsonElement>($"/api/desk/complaints/{other.TrackingId}");
        Assert.Empty(unrelated.GetProperty("duplicates").EnumerateArray());

        var support = new HttpRequestMessage(HttpMethod.Post, $"/api/complaints/{first.TrackingId}/support");
        support.Headers.Add("X-Supporter-Id", Guid.NewGuid().ToString("N"));
        Assert.Equal(HttpStatusCode.OK, (await citizen.SendAsync(support)).StatusCode);

        var oversight = await citizen.AsAsync(lapor.CreateClient, "oversight");
        await Eventually(async () =>
        {
            var hotspots = await oversight.GetFromJsonAsync<JsonElement>("/api/analytics/hotspots");
            return hotspots.EnumerateArray().Any(h => h.GetProperty("trackingId").GetString() == first.TrackingId
                && h.GetProperty("reports").GetInt32() == 2 && h.GetProperty("supports").GetInt32() == 1);
        }, "oversight sees the matter as a hotspot with two reports and one supporter");
    }

    [Fact]
    public async Task Copies_filed_at_the_same_moment_join_one_cluster_even_when_triaged_in_one_transaction()
    {
        var citizen = lapor.CreateClient();
        var officer = await citizen.AsAsync(lapor.CreateClient, "officer", RoadAgency);
        var street = "Jalan Kenjeran " + Random.Shared.Next(100, 999);
        var copies = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => FileAsync(lapor.CreateClient(), new
        {
            type = "aduan",
            title = $"Aspal amblas di {street}",
            text = $"Aspal di {street} amblas sedalam setengah meter sejak hujan deras, kendaraan harus memutar. Mohon segera diperbaiki. ({i})",
            region = "35.78",
        })));
        foreach (var copy in copies) await Eventually(() => InInboxAsync(officer, copy.TrackingId), "every copy reaches the inbox");

        foreach (var copy in copies)
        {
            var view = await officer.GetFromJsonAsync<JsonElement>($"/api/desk/complaints/{copy.TrackingId}");
            var others = view.GetProperty("duplicates").EnumerateArray().Select(d => d.GetProperty("trackingId").GetString()!).ToHashSet();
            Assert.Equal(copies.Select(c => c.TrackingId).Where(t => t != copy.TrackingId).ToHashSet(), others);
        }
    }
}
