using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Lapor.EndToEnd.Tests.Infrastructure.SkeletonFlow;

namespace Lapor.EndToEnd.Tests;

/// <summary>A citizen anywhere in Indonesia can file: every kabupaten/kota code is known, an unknown one is named.</summary>
public sealed class NationalRegionsTests(EmbeddedLaporFactory lapor) : IClassFixture<EmbeddedLaporFactory>
{
    [Theory]
    [InlineData("73.71")] // Makassar (WITA)
    [InlineData("91.71")] // Jayapura (WIT)
    [InlineData("81.71")] // Ambon
    [InlineData("53.71")] // Kupang
    [InlineData("52.71")] // Mataram
    [InlineData("63.71")] // Banjarmasin
    public async Task A_report_from_a_city_outside_the_first_thirteen_regions_is_accepted(string region)
    {
        var response = await lapor.CreateClient().PostAsJsonAsync("/api/complaints", new
        {
            type = "aduan", region, title = "Puskesmas tutup di jam pelayanan",
            text = "Puskesmas di kelurahan kami tutup pada jam pelayanan, pasien lansia menunggu di luar sejak pagi.",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
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
