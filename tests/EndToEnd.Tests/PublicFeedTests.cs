using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lapor.EndToEnd.Tests.Infrastructure;
using static Lapor.EndToEnd.Tests.Infrastructure.SkeletonFlow;

namespace Lapor.EndToEnd.Tests;

/// <summary>The public feed shows non-confidential reports with personal data masked, pages stably, and counts each supporter once.</summary>
public sealed class PublicFeedTests(EmbeddedLaporFactory lapor) : IClassFixture<EmbeddedLaporFactory>
{
    private static object Report(string title, bool confidential = false, string region = "35.78", string? text = null) => new
    {
        type = "aduan",
        title,
        text = text ?? "Jalan di depan pasar rusak berlubang besar sejak sebulan, mohon segera diperbaiki oleh dinas.",
        region,
        confidential,
        contact = new { name = "Siti Rahmawati Feed", email = "siti.feed@contoh.id" },
    };

    private async Task<JsonElement> FeedAsync(string query = "") => await lapor.CreateClient().GetFromJsonAsync<JsonElement>("/api/complaints" + query);

    /// <summary>Files a report and waits until triage's confident route has verified it, which is when it becomes public.</summary>
    private async Task<Receipt> FilePublicAsync(object report)
    {
        var receipt = await FileAsync(lapor.CreateClient(), report);
        await Eventually(async () => TrackingIds(await FeedAsync("?limit=100")).Contains(receipt.TrackingId), "the verified report is public");
        return receipt;
    }

    private async Task<List<string>> SearchAsync(string q) => TrackingIds(await FeedAsync("?limit=100&q=" + Uri.EscapeDataString(q))).ToList();

    [Fact]
    public async Task Search_finds_only_what_the_public_can_read_in_any_case_accent_or_old_spelling()
    {
        var report = await FilePublicAsync(Report("Jalan rusak depan Pasar Wonokromo", text:
            "NIK 3578011234567890 milik ayah saya. Jalan di depan Pasar Wonokromo Soerabaja rusak, dekat kafé, hubungi 0812.3456.7890."));

        // The NIK and phone are in the stored text but masked for the public: no search can confirm them, whole or in part.
        Assert.Empty(await SearchAsync("3578011234567890"));
        Assert.Empty(await SearchAsync("NIK 3"));
        Assert.Empty(await SearchAsync("NIK 35"));
        Assert.Empty(await SearchAsync("0812"));
        Assert.Contains(report.TrackingId, await SearchAsync("wonokromo"));
        Assert.Contains(report.TrackingId, await SearchAsync("WONOKROMO"));
        Assert.Contains(report.TrackingId, await SearchAsync("pasar  wonokromo"));
        Assert.Contains(report.TrackingId, await SearchAsync("Surabaya"));
        Assert.Contains(report.TrackingId, await SearchAsync("kafe"));
    }

    [Fact]
    public async Task A_report_is_public_only_once_verified()
    {
        var citizen = lapor.CreateClient();
        var verifier = await citizen.AsAsync(lapor.CreateClient, "verifier");
        // No region and a vague matter: triage will not guess, so it waits for a verifier.
        var receipt = await FileAsync(citizen, new { type = "aduan", title = "Sampah menumpuk tidak diangkut",
            text = "Sampah di pinggir jalan dekat rumah kami menumpuk dan tidak diangkut sudah seminggu, baunya menyengat." });
        await Eventually(async () => (await verifier.GetFromJsonAsync<JsonElement>("/api/triage/queue")).EnumerateArray()
            .Any(r => r.GetProperty("trackingId").GetString() == receipt.TrackingId), "the report waits in the verification queue");
        Assert.DoesNotContain(receipt.TrackingId, TrackingIds(await FeedAsync("?limit=100")));
        Assert.Equal(HttpStatusCode.NotFound, (await lapor.CreateClient().GetAsync($"/open311/v2/requests/{receipt.TrackingId}.json")).StatusCode);

        var routed = await verifier.PostAsJsonAsync($"/api/triage/queue/{receipt.TrackingId}/route", new { agencyId = "35.78.dlh" });
        Assert.Equal(HttpStatusCode.OK, routed.StatusCode);
        await Eventually(async () => TrackingIds(await FeedAsync("?limit=100")).Contains(receipt.TrackingId), "the verified report is public");
    }

    private static IEnumerable<string> TrackingIds(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("trackingId").GetString()!);

    [Fact]
    public async Task Public_reports_are_listed_with_personal_data_masked_and_confidential_ones_never()
    {
        var client = lapor.CreateClient();
        var open = await FilePublicAsync(Report("Bansos belum cair untuk keluarga kami", text:
            "NIK 3578012345678901 terdaftar tapi bantuan belum cair. Hubungi 0812-3456-7890 atau siti.feed@contoh.id."));
        var secret = await FileAsync(client, Report("Pungutan liar di kantor kelurahan", confidential: true));

        var page = await FeedAsync("?limit=100");
        var item = page.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("trackingId").GetString() == open.TrackingId);
        var text = item.GetProperty("text").GetString()!;
        Assert.DoesNotContain("3578012345678901", text);
        Assert.DoesNotContain("0812-3456-7890", text);
        Assert.DoesNotContain("siti.feed@contoh.id", text);
        Assert.Contains("[disamarkan]", text);
        Assert.DoesNotContain(secret.TrackingId, TrackingIds(page));
        var json = page.GetRawText();
        Assert.DoesNotContain("Siti Rahmawati Feed", json);
        Assert.DoesNotContain("accessCode", json);
    }

    [Fact]
    public async Task The_feed_pages_newest_first_without_overlap_and_filters_by_province()
    {
        var client = lapor.CreateClient();
        var filed = new List<string>();
        for (var i = 0; i < 3; i++) filed.Add((await FilePublicAsync(Report($"Lampu jalan mati di Serang nomor {i}", region: "36.73"))).TrackingId);

        var first = await FeedAsync("?region=36&limit=2");
        var second = await FeedAsync($"?region=36&limit=2&cursor={first.GetProperty("nextCursor").GetString()}");
        var seen = TrackingIds(first).Concat(TrackingIds(second)).ToList();
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(filed.AsEnumerable().Reverse(), seen.Where(filed.Contains));
        Assert.All(first.GetProperty("items").EnumerateArray(), i => Assert.StartsWith("36", i.GetProperty("region").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, (await lapor.CreateClient().GetAsync("/api/complaints?sector=bogus")).StatusCode);
    }

    [Fact]
    public async Task Each_supporter_supports_a_public_report_once()
    {
        var client = lapor.CreateClient();
        var open = await FilePublicAsync(Report("Antrean BPJS di puskesmas sangat panjang"));
        var secret = await FileAsync(client, Report("Laporan rahasia tentang pungutan", confidential: true));

        async Task<HttpResponseMessage> Support(string trackingId, string? supporter)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/complaints/{trackingId}/support");
            if (supporter is not null) request.Headers.Add("X-Supporter-Id", supporter);
            return await lapor.CreateClient().SendAsync(request);
        }

        var once = await (await Support(open.TrackingId, "device-aaaaaaaaaaaaaaaa")).Content.ReadFromJsonAsync<JsonElement>();
        var again = await (await Support(open.TrackingId, "device-aaaaaaaaaaaaaaaa")).Content.ReadFromJsonAsync<JsonElement>();
        var other = await (await Support(open.TrackingId, "device-bbbbbbbbbbbbbbbb")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, once.GetProperty("supports").GetInt32());
        Assert.True(again.GetProperty("alreadySupported").GetBoolean());
        Assert.Equal(1, again.GetProperty("supports").GetInt32());
        Assert.Equal(2, other.GetProperty("supports").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await Support(secret.TrackingId, "device-aaaaaaaaaaaaaaaa")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Support(open.TrackingId, null)).StatusCode);

        var listed = (await FeedAsync("?limit=100")).GetProperty("items").EnumerateArray().Single(i => i.GetProperty("trackingId").GetString() == open.TrackingId);
        Assert.Equal(2, listed.GetProperty("supports").GetInt32());
    }

    [Fact]
    public async Task Concurrent_supports_neither_lose_a_count_nor_fail_on_a_double_tap()
    {
        var open = await FilePublicAsync(Report("Jalan desa rusak parah tidak pernah diperbaiki"));

        async Task<HttpResponseMessage> Support(string supporter)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/complaints/{open.TrackingId}/support");
            request.Headers.Add("X-Supporter-Id", supporter);
            return await lapor.CreateClient().SendAsync(request);
        }

        // Ten different supporters at once, and one supporter tapping five times at once.
        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Support($"device-concurrent-{i:D8}"))
            .Concat(Enumerable.Range(0, 5).Select(_ => Support("device-double-tap-0000"))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var listed = (await FeedAsync("?limit=100")).GetProperty("items").EnumerateArray().Single(i => i.GetProperty("trackingId").GetString() == open.TrackingId);
        Assert.Equal(11, listed.GetProperty("supports").GetInt32());
    }
}

/// <summary>Dukung cannot be inflated by changing the device id: anonymous supports are limited per network and day.</summary>
public sealed class AnonymousSupportTests : IClassFixture<EmbeddedLaporFactory>
{
    private readonly EmbeddedLaporFactory _lapor;

    public AnonymousSupportTests(EmbeddedLaporFactory lapor)
    {
        _lapor = lapor;
        _lapor.Settings["Lapor:Supports:AnonymousPerNetworkPerDay"] = "3";
    }

    private async Task<HttpResponseMessage> SupportAsync(HttpClient client, string trackingId, string? device)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/complaints/{trackingId}/support");
        if (device is not null) request.Headers.Add("X-Supporter-Id", device);
        return await client.SendAsync(request);
    }

    private async Task<Receipt> FilePublicAsync()
    {
        var receipt = await FileAsync(_lapor.CreateClient(), RoadInSurabaya);
        await Eventually(async () => (await _lapor.CreateClient().GetStringAsync("/api/complaints?limit=100")).Contains(receipt.TrackingId), "the report is public");
        return receipt;
    }

    [Fact]
    public async Task New_device_ids_from_one_network_stop_counting_after_the_days_share_while_signed_in_citizens_count_once_each()
    {
        var report = await FilePublicAsync();
        var anonymous = _lapor.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++) statuses.Add((await SupportAsync(anonymous, report.TrackingId, $"device-inflate-{i:D8}")).StatusCode);
        var citizen = await anonymous.AsAsync(_lapor.CreateClient, "citizen", name: "Warga Satu");
        var signedIn = await (await SupportAsync(citizen, report.TrackingId, null)).Content.ReadFromJsonAsync<JsonElement>();
        var signedInAgain = await (await SupportAsync(citizen, report.TrackingId, "device-inflate-99999999")).Content.ReadFromJsonAsync<JsonElement>();
        var other = await FilePublicAsync();

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(4, signedIn.GetProperty("supports").GetInt32());
        Assert.True(signedInAgain.GetProperty("alreadySupported").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await SupportAsync(anonymous, other.TrackingId, "device-inflate-00000000")).StatusCode);
    }
}
