using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lapor.EndToEnd.Tests.Infrastructure;
using static Lapor.EndToEnd.Tests.Infrastructure.SkeletonFlow;

namespace Lapor.EndToEnd.Tests;

/// <summary>A citizen anywhere in Indonesia can file and is answered by that region's own office: every kabupaten/kota and kecamatan code is known, an unknown one is named.</summary>
public sealed class NationalRegionsTests(EmbeddedLaporFactory lapor) : IClassFixture<EmbeddedLaporFactory>
{
    private static object ClosedPuskesmas(string region) => new
    {
        type = "aduan", region, title = "Puskesmas tutup di jam pelayanan",
        text = "Puskesmas di kelurahan kami tutup pada jam pelayanan, pasien lansia menunggu di luar sejak pagi.",
    };

    [Theory]
    [InlineData("73.71")] // Makassar (WITA)
    [InlineData("91.71")] // Jayapura (WIT)
    [InlineData("81.71")] // Ambon
    [InlineData("53.71")] // Kupang
    [InlineData("52.71")] // Mataram
    [InlineData("63.71")] // Banjarmasin
    public async Task A_report_from_a_city_outside_the_first_thirteen_regions_reaches_that_citys_health_office_which_answers(string region)
    {
        var citizen = lapor.CreateClient();
        var receipt = await FileAsync(citizen, ClosedPuskesmas(region));
        var officer = await citizen.AsAsync(lapor.CreateClient, "officer", $"{region}.dinkes");

        await Eventually(() => InInboxAsync(officer, receipt.TrackingId), $"the report reaches {region}.dinkes");
        var answer = await officer.PostAsJsonAsync($"/api/desk/complaints/{receipt.TrackingId}/respond",
            new { text = "Petugas kami sudah menegur kepala puskesmas; jam pelayanan dibuka kembali pukul 07.30 mulai besok." });
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        await Eventually(async () => (await TrackAsync(citizen, receipt)).GetProperty("status").GetString() == "sedang_diproses", "the citizen sees the answer");
    }

    [Fact]
    public async Task A_report_may_name_a_kecamatan_or_desa_which_is_kept_routed_by_its_kabupaten_and_rolled_up_in_the_figures()
    {
        var citizen = lapor.CreateClient();
        var receipt = await FileAsync(citizen, ClosedPuskesmas("95.01.01")); // Wamena, Kabupaten Jayawijaya
        var officer = await citizen.AsAsync(lapor.CreateClient, "officer", "95.01.dinkes");
        await Eventually(() => InInboxAsync(officer, receipt.TrackingId), "the report reaches the Jayawijaya health office");
        Assert.Equal("95.01.01", (await officer.GetFromJsonAsync<JsonElement>($"/api/desk/complaints/{receipt.TrackingId}")).GetProperty("region").GetString());

        var oversight = await citizen.AsAsync(lapor.CreateClient, "oversight");
        async Task<long> ReceivedAsync(string level, string key) =>
            (await oversight.GetFromJsonAsync<List<JsonElement>>($"/api/analytics/regions?level={level}"))!
                .Where(r => r.GetProperty("key").GetString() == key).Sum(r => r.GetProperty("received").GetInt64());
        await Eventually(async () => await ReceivedAsync("kecamatan", "95.01.01") >= 1, "the kecamatan has its row");
        Assert.True(await ReceivedAsync("kabupaten", "95.01") >= 1, "the kabupaten counts it");
        Assert.Equal(0, await ReceivedAsync("kabupaten", "95.01.01")); // never a kecamatan in the kabupaten table
        Assert.True(await ReceivedAsync("provinsi", "95") >= 1, "the province counts it");

        // A desa's report counts in the desa's, its kecamatan's and its kabupaten's rows.
        var fromDesa = await FileAsync(citizen, ClosedPuskesmas("95.01.01.1007")); // Sinakma, Wamena
        await Eventually(() => InInboxAsync(officer, fromDesa.TrackingId), "the desa's report reaches the Jayawijaya health office");
        await Eventually(async () => await ReceivedAsync("desa", "95.01.01.1007") >= 1, "the desa has its row");
        Assert.True(await ReceivedAsync("kecamatan", "95.01.01") >= 2, "the kecamatan counts both reports");
        Assert.Equal(0, await ReceivedAsync("kecamatan", "95.01.01.1007"));
    }

    [Fact]
    public async Task An_unknown_region_code_is_refused_naming_the_field()
    {
        var response = await lapor.CreateClient().PostAsJsonAsync("/api/complaints", new
        {
            type = "aduan", region = "73.99", title = "Puskesmas tutup di jam pelayanan",
            text = "Puskesmas di kelurahan kami tutup pada jam pelayanan, pasien lansia menunggu di luar sejak pagi.",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("region", out _));
    }
}
