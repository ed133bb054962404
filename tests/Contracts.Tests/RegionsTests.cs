using Lapor.Contracts.Reference;

namespace Lapor.Contracts.Tests;

/// <summary>Every region of Indonesia, from idn-area-data, with the codes Lapor has always used meaning what they meant.</summary>
public sealed class RegionsTests
{
    [Fact]
    public void Every_province_and_kabupaten_kota_is_known_once()
    {
        Assert.Equal(38, Regions.All.Count(r => r.Level == RegionLevel.Provinsi));
        Assert.Equal(514, Regions.All.Count(r => r.Level != RegionLevel.Provinsi));
        Assert.Equal(Regions.All.Count, Regions.All.Select(r => r.Code).Distinct().Count());
        Assert.All(Regions.All.Where(r => r.Parent is not null), r => Assert.Equal(RegionLevel.Provinsi, Regions.Find(r.Parent)!.Level));
    }

    [Theory]
    [InlineData("35", "Provinsi Jawa Timur")]
    [InlineData("35.78", "Kota Surabaya")]
    [InlineData("35.10", "Kabupaten Banyuwangi")]
    [InlineData("31.74", "Kota Administrasi Jakarta Selatan")]
    [InlineData("16.06", "Kabupaten Musi Banyuasin")]
    [InlineData("33.10", "Kabupaten Klaten")]
    [InlineData("61.71", "Kota Pontianak")]
    [InlineData("36.73", "Kota Serang")]
    [InlineData("73.71", "Kota Makassar")]
    [InlineData("91.71", "Kota Jayapura")]
    [InlineData("81.71", "Kota Ambon")]
    [InlineData("53.71", "Kota Kupang")]
    [InlineData("52.71", "Kota Mataram")]
    [InlineData("63.71", "Kota Banjarmasin")]
    public void A_code_names_its_region(string code, string name) => Assert.Equal(name, Regions.Find(code)?.Name);

    [Theory]
    [InlineData("61.71", 7)] // Kalimantan Barat: WIB
    [InlineData("62.71", 7)] // Kalimantan Tengah: WIB
    [InlineData("63.71", 8)] // Kalimantan Selatan: WITA
    [InlineData("64.72", 8)] // Kalimantan Timur: WITA
    [InlineData("65.71", 8)] // Kalimantan Utara: WITA
    [InlineData("51.71", 8)] // Bali
    [InlineData("53.71", 8)] // Nusa Tenggara Timur
    [InlineData("75.71", 8)] // Gorontalo
    [InlineData("82.71", 9)] // Maluku Utara
    [InlineData("94.01", 9)] // Papua Tengah (Kabupaten Nabire)
    [InlineData("96.71", 9)] // Papua Barat Daya
    public void Every_region_has_its_provinces_time_zone(string code, int hours)
    {
        Assert.NotNull(Regions.Find(code));
        Assert.Equal(TimeSpan.FromHours(hours), WorkingDays.UtcOffset(code));
    }
}
