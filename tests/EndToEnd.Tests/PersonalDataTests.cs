using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lapor.EndToEnd.Tests.Infrastructure;
using Lapor.Intake.Workers;
using Microsoft.Extensions.DependencyInjection;
using static Lapor.EndToEnd.Tests.Infrastructure.SkeletonFlow;

namespace Lapor.EndToEnd.Tests;

/// <summary>
/// A reporter sees, downloads and erases their personal data with the tracking id and access code; closed reports
/// lose it after the retention period. The report, its public content and the figures stay (UU 27/2022).
/// </summary>
public sealed class PersonalDataTests : IClassFixture<EmbeddedLaporFactory>
{
    private readonly EmbeddedLaporFactory _lapor;

    public PersonalDataTests(EmbeddedLaporFactory lapor)
    {
        _lapor = lapor;
        _lapor.Settings["Lapor:Privacy:RetentionDays"] = "0";
    }

    private const string Nik = "3578011234567890";

    private static object Report(string name) => new
    {
        type = "aduan",
        title = "Jalan berlubang di depan Pasar Wonokromo",
        text = $"Jalan di depan Pasar Wonokromo rusak berlubang besar. Saya {name}, NIK {Nik}, hubungi 081234567890.",
        region = "35.78",
        contact = new { name, email = "sari.wulandari@contoh.id", phone = "081234567890" },
    };

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, Receipt receipt)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Access-Code", receipt.AccessCode);
        return await _lapor.CreateClient().SendAsync(request);
    }

    private async Task<string> PublicAsync(Receipt receipt)
    {
        string? item = null;
        await Eventually(async () =>
        {
            var feed = await _lapor.CreateClient().GetFromJsonAsync<JsonElement>("/api/complaints?limit=100");
            item = feed.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("trackingId").GetString() == receipt.TrackingId)
                .Select(i => i.GetRawText()).FirstOrDefault();
            return item is not null;
        }, "the report is public");
        return item!;
    }

    [Fact]
    public async Task A_reporter_sees_downloads_and_erases_their_personal_data_and_the_report_stays_as_the_public_reads_it()
    {
        var receipt = await FileAsync(_lapor.CreateClient(), Report("Sari Wulandari"));
        var publicBefore = await PublicAsync(receipt);
        var path = $"/api/complaints/{receipt.TrackingId}/personal-data";

        var held = await (await SendAsync(HttpMethod.Get, path, receipt)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Sari Wulandari", held.GetProperty("contact").GetProperty("name").GetString());
        Assert.Contains(Nik, held.GetProperty("text").GetString());
        var download = await SendAsync(HttpMethod.Get, path + "?download=true", receipt);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(HttpStatusCode.NotFound, (await _lapor.CreateClient().GetAsync(path)).StatusCode);

        var erased = await SendAsync(HttpMethod.Delete, path, receipt);
        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);
        var after = await (await SendAsync(HttpMethod.Get, path, receipt)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(after.TryGetProperty("contact", out _));
        Assert.DoesNotContain(Nik, after.GetProperty("text").GetString());
        Assert.DoesNotContain("081234567890", after.GetProperty("text").GetString());
        Assert.Equal(JsonValueKind.String, after.GetProperty("erasedAt").ValueKind);

        Assert.Equal(publicBefore, await PublicAsync(receipt));
        Assert.Equal("Jalan berlubang di depan Pasar Wonokromo", (await TrackAsync(_lapor.CreateClient(), receipt)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Personal_data_of_a_report_closed_past_the_retention_period_is_erased_and_an_open_reports_kept()
    {
        var closed = await FileAsync(_lapor.CreateClient(), Report("Budi Santoso"));
        var open = await FileAsync(_lapor.CreateClient(), Report("Dewi Lestari"));
        var officer = await _lapor.CreateClient().AsAsync(_lapor.CreateClient, "officer", RoadAgency);
        await Eventually(() => InInboxAsync(officer, closed.TrackingId), "the report reaches the inbox");
        await officer.PostAsJsonAsync($"/api/desk/complaints/{closed.TrackingId}/resolve", new { text = "Lubang sudah ditambal dan diaspal ulang pada 3 Desember." });
        await Eventually(async () => (await TrackAsync(_lapor.CreateClient(), closed)).GetProperty("status").GetString() == "selesai", "the report is resolved");
        await Task.Delay(50); // past its last step, with a retention of zero days

        var erased = await _lapor.Services.GetRequiredService<PersonalDataRetention>().EraseDueAsync(CancellationToken.None);

        Assert.True(erased >= 1);
        var closedData = await (await SendAsync(HttpMethod.Get, $"/api/complaints/{closed.TrackingId}/personal-data", closed)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(closedData.TryGetProperty("contact", out _));
        Assert.DoesNotContain(Nik, closedData.GetProperty("text").GetString());
        var openData = await (await SendAsync(HttpMethod.Get, $"/api/complaints/{open.TrackingId}/personal-data", open)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Dewi Lestari", openData.GetProperty("contact").GetProperty("name").GetString());
        Assert.Equal("selesai", (await TrackAsync(_lapor.CreateClient(), closed)).GetProperty("status").GetString());
    }
}
