using Lapor.Contracts.Reference;

namespace Lapor.Triage.Domain.Classification;

/// <summary>
/// Finds the region a report's text names: the directory's kabupaten, kota and provinces by name and common
/// short forms, and well-known kecamatan. Longer names win over shorter ones ("Jakarta Selatan" over "Jakarta").
/// </summary>
public static class Gazetteer
{
    private static readonly Dictionary<string, string[]> Kecamatan = new()
    {
        ["35.78"] = ["wonokromo", "tambaksari", "sukomanunggal", "rungkut", "gubeng", "tegalsari", "wiyung", "kenjeran", "benowo", "lakarsantri",
            "mulyorejo", "sukolilo", "wonocolo", "jambangan", "gayungan", "dukuh pakis", "sawahan", "bubutan", "krembangan", "pabean cantian",
            "semampir", "simokerto", "tandes", "asemrowo", "sambikerep", "pakal", "karang pilang", "gunung anyar", "tenggilis mejoyo", "bulak"],
        ["35.10"] = ["glagah", "rogojampi", "muncar", "kalibaru", "srono", "kabat", "songgon", "pesanggaran", "bangorejo", "purwoharjo",
            "tegaldlimo", "cluring", "gambiran", "glenmore", "wongsorejo", "licin", "singojuruh", "sempu", "siliragung", "kalipuro", "blimbingsari", "kemiren"],
        ["33.10"] = ["wedi", "bayat", "cawas", "trucuk", "kalikotes", "kebonarum", "jogonalan", "prambanan", "gantiwarno", "manisrenggo",
            "karangnongko", "ceper", "pedan", "karangdowo", "juwiring", "delanggu", "polanharjo", "karanganom", "tulung", "jatinom", "kemalang"],
        ["16.06"] = ["sekayu", "babat toman", "sungai keruh", "sungai lilin", "bayung lencir", "plakat tinggi", "lawang wetan", "batanghari leko",
            "keluang", "tungkal jaya", "babat supat", "lalan", "jirak jaya", "sanga desa"],
        ["61.71"] = ["pontianak barat", "pontianak kota", "pontianak selatan", "pontianak tenggara", "pontianak timur", "pontianak utara"],
        ["36.73"] = ["cipocok jaya", "kasemen", "taktakan", "walantaka"],
        ["31.74"] = ["kebayoran baru", "kebayoran lama", "pesanggrahan", "cilandak", "pasar minggu", "jagakarsa", "mampang prapatan", "pancoran",
            "tebet", "setiabudi", "blok m"],
    };

    private static readonly (string Name, string Code)[] Names = Build();
    /// <summary>Each name with its rank in <see cref="Names"/> (longest first): the lowest rank found wins.</summary>
    private static readonly PhraseIndex<int> Index = new(Names.Select((n, rank) => (n.Name, rank)));

    /// <summary>The most specific region named in the text, or null.</summary>
    public static Region? Find(string text)
    {
        var found = Index.Find(string.Join(' ', TextNormalizer.Fold(text).Split(Separators, StringSplitOptions.RemoveEmptyEntries)));
        return found.Count == 0 ? null : Regions.Find(Names[found.Min()].Code);
    }

    private static readonly char[] Separators = [' ', ',', '.', ';', ':', '!', '?', '(', ')', '/', '-', '"', '\'', '\n', '\r', '\t'];

    /// <summary>
    /// The regions whose names the gazetteer reads in text: those the reference directory serves and their provinces.
    /// Other places come with their offices (the national directory): many regency names are everyday words
    /// ("batu", "banjar", "bone") and two regions often share one ("Kabupaten Malang", "Kota Malang").
    /// </summary>
    private static bool Named(Region region) => Kecamatan.ContainsKey(region.Code) || Kecamatan.Keys.Any(k => k.StartsWith(region.Code + ".", StringComparison.Ordinal));

    private static (string, string)[] Build()
    {
        var names = new List<(string, string)>();
        foreach (var region in Regions.All.Where(Named))
        {
            var name = TextNormalizer.Fold(region.Name)
                .Replace("provinsi ", "").Replace("kabupaten ", "").Replace("kota administrasi ", "").Replace("kota ", "");
            names.Add((name, region.Code));
            if (region.Level != RegionLevel.Provinsi) names.Add((TextNormalizer.Fold(region.Name).Replace(" administrasi", ""), region.Code));
        }
        names.AddRange([("jatim", "35"), ("jateng", "33"), ("sumsel", "16"), ("kalbar", "61"), ("dki", "31"), ("jaksel", "31.74"), ("muba", "16.06"),
            ("palembang", "16"), ("semarang", "33"), ("solo", "33"), ("malang", "35"), ("tangerang", "36")]);
        foreach (var (code, kecamatan) in Kecamatan) names.AddRange(kecamatan.Select(k => (k, code)));
        // Longest first, so "jakarta selatan" wins over "jakarta" and "pontianak timur" over "pontianak".
        return names.Distinct().OrderByDescending(n => n.Item1.Length).ToArray();
    }
}
