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

    /// <summary>The most specific region named in the text, or null.</summary>
    public static Region? Find(string text)
    {
        var found = Index.Find(string.Join(' ', TextNormalizer.Fold(text).Split(Separators, StringSplitOptions.RemoveEmptyEntries)));
        return found.Count == 0 ? null : Regions.Find(Names[found.Min()].Code);
    }

    private static readonly char[] Separators = [' ', ',', '.', ';', ':', '!', '?', '(', ')', '/', '-', '"', '\'', '\n', '\r', '\t'];

    /// <summary>The regions of the reference directory: where a short name is shared, theirs wins, as it always has.</summary>
    private static bool Served(string code) => Kecamatan.ContainsKey(code) || Kecamatan.Keys.Any(k => k.StartsWith(code + ".", StringComparison.Ordinal));

    /// <summary>
    /// Names of kabupaten and kota that are everyday words or phrases ("batu" stone, "padang" field, "puncak" peak,
    /// "tanah datar" flat land): read only with their "kabupaten"/"kota" prefix, never bare.
    /// </summary>
    private static readonly HashSet<string> EverydayWords =
    [
        "batu", "banjar", "padang", "batang", "puncak", "metro", "pati", "landak", "ketapang", "seram", "buru", "agam", "bone", "mas",
        "gunung mas", "tanah datar", "tanah laut", "kota baru", "kotabaru", "pesisir selatan", "pesisir barat", "kepulauan", "lima puluh kota",
        "empat lawang", "barat", "timur", "selatan", "utara", "tengah", "pulang pisau", "intan jaya", "bangli", "kaur", "karo",
    ];

    /// <summary>The province abbreviations citizens write; with the city and area names after them, they win over bare names.</summary>
    private static readonly (string, string)[] ProvinceShortNames =
    [
        ("aceh", "11"), ("sumut", "12"), ("sumbar", "13"), ("jambi", "15"), ("sumsel", "16"), ("babel", "19"), ("kepri", "21"), ("dki", "31"),
        ("jabar", "32"), ("jateng", "33"), ("diy", "34"), ("jogja", "34"), ("jatim", "35"), ("ntb", "52"), ("ntt", "53"), ("kalbar", "61"),
        ("kalteng", "62"), ("kalsel", "63"), ("kaltim", "64"), ("kaltara", "65"), ("sulut", "71"), ("sulteng", "72"), ("sulsel", "73"),
        ("sultra", "74"), ("sulbar", "76"), ("malut", "82"),
    ];

    /// <summary>
    /// Every province by its name and short form; every kabupaten and kota by its full name ("kabupaten jayawijaya",
    /// "kab jayawijaya", "kota kupang") and by its bare name unless that is an everyday word. A bare name two regions
    /// share ("kupang": the kabupaten and the kota) names their province when both lie in one, and the reference
    /// directory's region when it is one of them ("serang" stays Kota Serang); otherwise it names nothing.
    /// </summary>
    private static (string, string)[] Build()
    {
        var names = new List<(string, string)>();
        var bare = new Dictionary<string, List<Region>>();
        foreach (var region in Regions.All)
        {
            var full = Words(region.Name).Replace(" administrasi", "");
            if (region.Level == RegionLevel.Provinsi)
            {
                names.Add((full.Replace("provinsi ", ""), region.Code));
                continue;
            }
            var name = full.Replace("kabupaten ", "").Replace("kota ", "");
            names.Add((full, region.Code));
            if (region.Level == RegionLevel.Kabupaten) names.Add(("kab " + name, region.Code));
            if (!EverydayWords.Contains(name)) (bare.TryGetValue(name, out var list) ? list : bare[name] = []).Add(region);
        }
        names.AddRange(ProvinceShortNames);
        names.AddRange([("jakarta", "31"), ("jaksel", "31.74"), ("muba", "16.06"), ("solo", "33.72")]);
        foreach (var (name, regions) in bare)
        {
            if (regions.Count == 1) names.Add((name, regions[0].Code));
            else if (regions.FirstOrDefault(r => Served(r.Code)) is { } served) names.Add((name, served.Code));
            else if (regions.Select(r => r.ProvinceCode).Distinct().Count() == 1) names.Add((name, regions[0].ProvinceCode));
        }
        foreach (var (code, kecamatan) in Kecamatan) names.AddRange(kecamatan.Select(k => (k, code)));
        // Longest first, so "jakarta selatan" wins over "jakarta" and "pontianak timur" over "pontianak"; the first of equal names.
        return [.. names.DistinctBy(n => n.Item1).OrderByDescending(n => n.Item1.Length)];
    }

    private static string Words(string name) => string.Join(' ', TextNormalizer.Fold(name).Split(Separators, StringSplitOptions.RemoveEmptyEntries));

    // Built last: the tables above are initialised first.
    private static readonly (string Name, string Code)[] Names = Build();
    /// <summary>Each name with its rank in <see cref="Names"/> (longest first): the lowest rank found wins.</summary>
    private static readonly PhraseIndex<int> Index = new(Names.Select((n, rank) => (n.Name, rank)));
}
