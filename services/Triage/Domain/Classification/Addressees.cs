namespace Lapor.Triage.Domain.Classification;

/// <summary>
/// The agency a report names ("Mohon Dinkes Provinsi Kalbar ...", "Kemenhub", "DLH Kota Pontianak"): citizens often
/// address the body they mean, and that is strong evidence of the route. Yields <c>named:&lt;sector&gt;</c> for a
/// dinas by its kind, with <c>named:provinsi</c> or <c>named:lokal</c> when the words after it name the level or a
/// region, and <c>named:&lt;id&gt;</c> for a national body. General names and abbreviations of Indonesian public
/// bodies, not wording from any one data set.
/// </summary>
public static class Addressees
{
    public const string Prefix = "named:";

    private static readonly Dictionary<string, string[]> Names = new()
    {
        ["kesehatan"] = ["dinkes", "dinas kesehatan", "sudin kesehatan"],
        ["pendidikan"] = ["disdik", "dindik", "disdikbud", "dispendik", "dinas pendidikan", "sudin pendidikan"],
        ["perhubungan"] = ["dishub", "dinas perhubungan", "sudin perhubungan"],
        ["lingkungan"] = ["dlh", "dinas lingkungan hidup", "sudin lingkungan hidup", "dinas kebersihan"],
        ["bansos"] = ["dinsos", "dinas sosial", "sudin sosial"],
        ["ketenagakerjaan"] = ["disnaker", "disnakertrans", "dinas tenaga kerja", "dinas ketenagakerjaan", "sudin nakertrans", "sudin tenaga kerja"],
        ["kependudukan"] = ["disdukcapil", "dispendukcapil", "dukcapil", "dinas kependudukan", "sudin dukcapil"],
        ["infrastruktur"] = ["dpupr", "dinas pu", "dinas pupr", "dinas pekerjaan umum", "dinas bina marga", "sudin bina marga", "dinas sumber daya air"],
        ["keuangan"] = ["bapenda", "badan pendapatan daerah", "sudin pendapatan"],
        ["utilitas"] = ["pdam", "perumda air minum", "pam jaya"],

        ["nas.kemenkes"] = ["kemenkes", "kementerian kesehatan", "menteri kesehatan"],
        ["nas.bpjs-kesehatan"] = ["bpjs kesehatan"],
        ["nas.kemensos"] = ["kemensos", "kementerian sosial", "menteri sosial"],
        ["nas.kemendikdasmen"] = ["kemendikdasmen", "kemendikbud", "kemendikbudristek", "kementerian pendidikan dasar"],
        ["nas.kemdiktisaintek"] = ["kemendiktisaintek", "kemdiktisaintek", "ditjen dikti", "kementerian pendidikan tinggi"],
        ["nas.kemnaker"] = ["kemnaker", "kemenaker", "kementerian ketenagakerjaan", "menteri ketenagakerjaan"],
        ["nas.bpjs-ketenagakerjaan"] = ["bpjs ketenagakerjaan", "bpjamsostek", "bpjs tk"],
        ["nas.prakerja"] = ["prakerja"],
        ["nas.bp2mi"] = ["bp2mi", "kp2mi", "bp3mi"],
        ["nas.dukcapil"] = ["ditjen dukcapil", "dukcapil kemendagri", "dukcapil pusat"],
        ["nas.pu"] = ["kementerian pu", "kementerian pupr", "kemenpupr", "bbpjn", "balai besar"],
        ["nas.klh"] = ["kementerian lingkungan hidup", "klh", "klhk"],
        ["nas.kemenhub"] = ["kemenhub", "kementerian perhubungan", "menteri perhubungan"],
        ["nas.ojk"] = ["ojk", "otoritas jasa keuangan"],
        ["nas.pln"] = ["pln"],
    };

    private static readonly Dictionary<string, string> ByPhrase = Names
        .SelectMany(n => n.Value.Select(p => (Phrase: string.Join(' ', TextNormalizer.Words(p)), Key: n.Key)))
        .Where(p => p.Phrase.Length > 0)
        .GroupBy(p => p.Phrase)
        .ToDictionary(g => g.Key, g => g.First().Key);

    private static readonly int Longest = ByPhrase.Keys.Max(p => p.Count(c => c == ' ') + 1);

    /// <summary>Every name's first word: most words start none, and are passed over without building a phrase.</summary>
    private static readonly HashSet<string> FirstWords = ByPhrase.Keys.Select(p => p.Split(' ')[0]).ToHashSet(StringComparer.Ordinal);

    /// <summary>How many words after a dinas's name may say its level or region.</summary>
    private const int LevelReach = 4;

    /// <summary>The <c>named:</c> features of a report's normalised words.</summary>
    public static IEnumerable<string> Find(IReadOnlyList<string> words)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < words.Count; i++)
        {
            if (!FirstWords.Contains(words[i])) continue;
            for (var n = Math.Min(Longest, words.Count - i); n >= 1; n--)
            {
                if (!ByPhrase.TryGetValue(n == 1 ? words[i] : string.Join(' ', words.Skip(i).Take(n)), out var key)) continue;
                found.Add(Prefix + key);
                if (!key.StartsWith("nas.", StringComparison.Ordinal) && LevelAfter(words, i + n, words[i] == "sudin") is { } level)
                    found.Add(Prefix + level);
                i += n - 1;
                break;
            }
        }
        return found;
    }

    private static string? LevelAfter(IReadOnlyList<string> words, int from, bool sukuDinas)
    {
        if (sukuDinas) return Routes.Local; // Jakarta's suku dinas serve one kota administrasi
        var window = words.Skip(from).Take(LevelReach).ToList();
        if (window.Contains("provinsi")) return Routes.Province;
        if (window.Contains("kota") || window.Contains("kabupaten") || window.Contains("kab")) return Routes.Local;
        return Gazetteer.Find(string.Join(' ', window)) switch
        {
            null => null,
            { Level: Lapor.Contracts.Reference.RegionLevel.Provinsi } => Routes.Province,
            _ => Routes.Local,
        };
    }
}
