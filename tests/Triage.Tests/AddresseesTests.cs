using Lapor.Triage.Domain.Classification;

namespace Lapor.Triage.Tests;

public sealed class AddresseesTests
{
    private static List<string> Named(string text) => [.. Addressees.Find(TextNormalizer.Words(text)).Order()];

    [Fact]
    public void A_dinas_named_with_its_province_names_the_sector_and_the_provincial_level() =>
        Assert.Equal(["named:kesehatan", "named:provinsi"], Named("Kami mohon Dinkes Provinsi Kalbar menambah dokter spesialis."));

    [Fact]
    public void A_dinas_named_with_its_city_names_the_local_level() =>
        Assert.Equal(["named:lingkungan", "named:lokal"], Named("Mohon DLH Kota Pontianak mendorong bank sampah."));

    [Fact]
    public void A_province_named_by_its_short_form_is_the_provincial_level() =>
        Assert.Equal(["named:perhubungan", "named:provinsi"], Named("Mohon Dishub Jatim menambah armada."));

    [Fact]
    public void A_national_body_is_named_by_its_id() =>
        Assert.Equal(["named:nas.kemenhub"], Named("Banyak dermaga rusak dan kapal tua. Mohon Kemenhub evaluasi."));

    [Fact]
    public void A_report_naming_no_agency_has_no_named_feature() =>
        Assert.Empty(Named("Jalan rusak parah depan pasar, lubang di mana-mana."));
}
