using Lapor.Triage.Domain.Classification;

namespace Lapor.Triage.Tests;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("menambah", "tambah")]
    [InlineData("ditambah", "tambah")]
    [InlineData("tambahkan", "tambah")]
    [InlineData("menambahkan", "tambah")]
    [InlineData("menyediakan", "sedia")]
    [InlineData("membangun", "bangun")]
    [InlineData("memotong", "potong")]
    [InlineData("mengurus", "urus")]
    [InlineData("perbaiki", "perbaik")]
    [InlineData("diperbaiki", "perbaik")]
    [InlineData("hapus", "hapus")]
    public void A_request_verb_loses_its_common_affixes(string word, string root) =>
        Assert.Equal(root, TextNormalizer.Root(word));

    [Fact]
    public void What_a_report_asks_for_is_a_feature_of_its_own_whatever_the_verb_form()
    {
        var active = TextNormalizer.Features("Armada kurang", "Mohon Dishub menambah armada bus.");
        var passive = TextNormalizer.Features("Armada kurang", "Tolong armada bus ditambah.");
        Assert.Contains("req:tambah", active);
        Assert.Contains("req:tambah", passive);
        Assert.DoesNotContain(TextNormalizer.Features("Armada kurang", "Armada bus ditambah tahun lalu."), f => f.StartsWith("req:"));
    }

    [Fact]
    public void How_a_report_is_put_is_marked_apart_from_what_it_is_about()
    {
        var features = TextNormalizer.Features("Jadwal imunisasi", "Nyuwun pirsa, kapan jadwal imunisasi di puskesmas?");
        Assert.Contains("form:pirsa", features);
        Assert.Contains("form:kapan", features);
        Assert.DoesNotContain("form:imunisasi", features);
    }

    [Theory]
    [InlineData("\uFFFF")]
    [InlineData("\uFFFE")]
    [InlineData("\uFDD0")]
    [InlineData("\U0001FFFF")]
    public void Text_that_is_not_well_formed_is_still_read_without_the_offending_character(string odd) =>
        Assert.Equal(["jalan", "rusak"], TextNormalizer.Words($"jalan{odd} rusak").Take(2));
}
