using Lapor.Triage.Domain;

namespace Lapor.Triage.Tests;

public sealed class DuplicatesTests
{
    private static readonly Guid First = Guid.NewGuid();

    private const string PotholeTitle = "Jalan berlubang di depan Pasar Wonokromo";
    private const string PotholeText = "Jalan di depan Pasar Wonokromo berlubang besar dan sudah dua motor jatuh. Mohon segera diperbaiki.";
    private static readonly Duplicates.Candidate Pothole = new(First, null, WordPrint.Of(PotholeTitle, PotholeText));

    private static Task<Guid?> ClusterFor(string title, string text, params Duplicates.Candidate[] earlier) =>
        Duplicates.ClusterForAsync(WordPrint.Of(title, text), earlier.ToAsyncEnumerable(), CancellationToken.None);

    [Fact]
    public async Task The_same_pothole_in_other_words_joins_the_first_reports_cluster()
    {
        var cluster = await ClusterFor("Lubang jalan depan Pasar Wonokromo",
            "Ada lubang besar di jalan depan pasar Wonokromo, motor saya hampir jatuh. Tolong diperbaiki.", Pothole);
        Assert.Equal(First, cluster);
    }

    [Fact]
    public async Task A_report_repeating_a_duplicate_joins_the_same_cluster_not_a_new_one()
    {
        var second = new Duplicates.Candidate(Guid.NewGuid(), First, Pothole.Print);
        Assert.Equal(First, await ClusterFor(PotholeTitle, PotholeText, second));
    }

    [Theory]
    [InlineData("Lampu jalan mati di Jalan Darmo", "Lampu penerangan jalan di Jalan Darmo mati sejak seminggu, gelap dan rawan.")]
    [InlineData("Jalan berlubang di Jalan Ahmad Yani", "Aspal di Jalan Ahmad Yani dekat bundaran rusak dan berlubang, membahayakan pengendara.")]
    public async Task A_different_matter_in_the_same_sector_starts_no_cluster(string title, string text) =>
        Assert.Null(await ClusterFor(title, text, Pothole));

    [Fact]
    public async Task A_copy_of_an_earlier_report_ends_the_search_without_reading_older_candidates()
    {
        var read = 0;
        async IAsyncEnumerable<Duplicates.Candidate> Newest()
        {
            foreach (var candidate in new[] { Pothole, Pothole with { ComplaintId = Guid.NewGuid() } })
            {
                read++;
                yield return candidate;
                await Task.Yield();
            }
        }
        Assert.Equal(First, await Duplicates.ClusterForAsync(Pothole.Print, Newest(), CancellationToken.None));
        Assert.Equal(1, read);
    }

    [Fact]
    public async Task A_merely_similar_report_keeps_looking_for_the_most_similar()
    {
        var older = Guid.NewGuid();
        var similar = new Duplicates.Candidate(Guid.NewGuid(), null, WordPrint.Of("Lubang jalan depan Pasar Wonokromo",
            "Ada lubang besar di jalan depan pasar Wonokromo, motor saya hampir jatuh. Tolong diperbaiki."));
        Assert.Equal(older, await ClusterFor(PotholeTitle, PotholeText, similar, Pothole with { ComplaintId = older }));
    }

    [Fact]
    public void A_word_print_survives_its_stored_form_and_measures_what_the_words_share()
    {
        var print = WordPrint.Of(PotholeTitle, PotholeText);
        var stored = WordPrint.FromBytes(print.ToBytes());
        Assert.Equal(print.Title, stored.Title);
        Assert.Equal(print.All, stored.All);
        Assert.Equal(1.0, print.Similarity(stored));
        Assert.Equal(0.5, WordPrint.Jaccard([1, 2, 3], [2, 3, 4]), precision: 10);
        Assert.Equal(0, WordPrint.Jaccard([1, 2], [3, 4]));
    }
}
