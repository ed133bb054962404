using Lapor.Intake.Domain;

namespace Lapor.Intake.Tests;

/// <summary>Public words and queries fold alike: any case, accents, old spellings, doubled letters; personal data never searchable.</summary>
public sealed class PublicSearchTests
{
    [Theory]
    [InlineData("Jalan rusak di Soerabaja", "surabaya")]
    [InlineData("Banjir di Djakarta Utara", "JAKARTA")]
    [InlineData("Kafé dekat puskesmas tutup", "kafe")]
    [InlineData("jalannn rusakkk parah!!!", "jalan rusak")]
    [InlineData("Pasar   Wonokromo, Surabaya", "pasar wonokromo")]
    public void A_query_finds_the_words_however_either_side_spells_them(string words, string query) =>
        Assert.Contains(PublicSearch.Query(query), PublicSearch.Fold(words));

    [Theory]
    [InlineData("NIK 3578011234567890 milik ayah", "3578011234567890")]
    [InlineData("NIK 3578011234567890 milik ayah", "nik 35")]
    [InlineData("hubungi 0812.3456.7890", "0812")]
    [InlineData("email budi@contoh.id", "budi")]
    public void Personal_data_cannot_be_found_whole_or_in_part(string words, string query) =>
        Assert.DoesNotContain(PublicSearch.Query(query), PublicSearch.Fold(words));
}
