using System.Globalization;
using System.Text;

namespace Lapor.Triage.Domain.Classification;

/// <summary>
/// Turns Indonesian report text into classifier features: lower-case words with informal spellings and
/// abbreviations normalised (yg, tdk, gk, sdh, gmn, ...), stopwords dropped, a light stemmer for the
/// particles and possessives people attach (-nya, -lah, -kah, -ku, -mu), word bigrams, and cues from
/// the domain <see cref="Lexicon"/>. (Character n-grams were tried and lowered cross-validated accuracy.)
/// </summary>
public static class TextNormalizer
{
    private static readonly Dictionary<string, string> Informal = new()
    {
        ["yg"] = "yang", ["dgn"] = "dengan", ["dg"] = "dengan", ["utk"] = "untuk", ["u/"] = "untuk", ["krn"] = "karena", ["karna"] = "karena",
        ["tdk"] = "tidak", ["gk"] = "tidak", ["ga"] = "tidak", ["gak"] = "tidak", ["nggak"] = "tidak", ["ngga"] = "tidak", ["enggak"] = "tidak", ["tak"] = "tidak", ["g"] = "tidak",
        ["sdh"] = "sudah", ["udh"] = "sudah", ["udah"] = "sudah", ["dah"] = "sudah", ["blm"] = "belum", ["blom"] = "belum",
        ["gmn"] = "bagaimana", ["gimana"] = "bagaimana", ["bgmn"] = "bagaimana", ["knp"] = "kenapa", ["napa"] = "kenapa",
        ["sy"] = "saya", ["aku"] = "saya", ["gw"] = "saya", ["gue"] = "saya", ["kami"] = "kami", ["kmi"] = "kami",
        ["bgt"] = "banget", ["bngt"] = "banget", ["skrg"] = "sekarang", ["skrang"] = "sekarang", ["sampe"] = "sampai", ["ampe"] = "sampai",
        ["dapet"] = "dapat", ["dpt"] = "dapat", ["tp"] = "tapi", ["tpi"] = "tapi", ["jg"] = "juga", ["aja"] = "saja", ["aj"] = "saja",
        ["bln"] = "bulan", ["thn"] = "tahun", ["hr"] = "hari", ["org"] = "orang", ["ortu"] = "orangtua", ["pdhl"] = "padahal", ["trs"] = "terus",
        ["deket"] = "dekat", ["dateng"] = "datang", ["bener"] = "benar", ["ngajuin"] = "ajukan", ["numpuk"] = "tumpuk", ["nanya"] = "tanya",
        ["mksh"] = "terima kasih", ["makasih"] = "terima kasih", ["tlg"] = "tolong", ["mhn"] = "mohon", ["bpk"] = "bapak", ["ibu2"] = "ibu",
        ["rs"] = "rumah sakit", ["ojol"] = "ojek online", ["pinjol"] = "pinjaman online", ["pemkot"] = "pemerintah kota", ["pemkab"] = "pemerintah kabupaten",
        ["pemprov"] = "pemerintah provinsi", ["jatim"] = "jawa timur", ["jateng"] = "jawa tengah", ["sumsel"] = "sumatera selatan", ["kalbar"] = "kalimantan barat",
        ["tanyo"] = "tanya", ["nanyo"] = "tanya", ["nanyain"] = "tanya", ["apo"] = "apa", ["ape"] = "apa", ["naon"] = "apa", ["mano"] = "mana", ["mane"] = "mana",
        ["berapo"] = "berapa", ["berape"] = "berapa", ["sabaraha"] = "berapa", ["piye"] = "bagaimana", ["pripun"] = "bagaimana", ["kumaha"] = "bagaimana",
        ["gimane"] = "bagaimana", ["iraha"] = "kapan", ["bile"] = "kapan", ["kenape"] = "kenapa", ["ngapa"] = "kenapa",
        ["dki"] = "jakarta", ["jaksel"] = "jakarta selatan", ["sby"] = "surabaya", ["bwi"] = "banyuwangi", ["muba"] = "musi banyuasin", ["ptk"] = "pontianak",
    };

    private static readonly HashSet<string> Stopwords =
    [
        "yang", "dan", "di", "ke", "dari", "ini", "itu", "dengan", "untuk", "pada", "ada", "adalah", "akan", "atau", "juga", "saya", "kami", "kita",
        "sudah", "telah", "sangat", "banget", "sekali", "karena", "tapi", "tetapi", "namun", "jadi", "oleh", "saja", "lagi", "sini", "sana", "mereka",
        "dia", "ia", "nya", "pun", "lah", "kah", "dong", "deh", "sih", "kok", "ya", "yah", "nih", "tuh", "kan", "bisa", "dalam", "para", "se", "sejak",
        "hari", "bulan", "tahun", "kali", "sampai", "masih", "belum", "hanya", "tersebut", "setiap", "tiap", "semua", "banyak", "lebih", "rp", "the",
    ];

    /// <summary>Normalised, stemmed content words, in order.</summary>
    public static List<string> Words(string text)
    {
        var words = new List<string>();
        foreach (var raw in RawTokens(text))
        {
            var expanded = Informal.TryGetValue(raw, out var formal) ? formal : raw;
            foreach (var word in expanded.Split(' '))
            {
                var stem = Stem(word);
                if (stem.Length > 1 && !Stopwords.Contains(stem)) words.Add(stem);
            }
        }
        return words;
    }

    /// <summary>The features of a report: words, word bigrams, title words, lexicon cues and a question marker.</summary>
    public static List<string> Features(string title, string text)
    {
        var report = ReportWords.Read(title, text);
        var words = report.All;
        var features = new List<string>(words.Count * 4);
        features.AddRange(words);
        for (var i = 0; i + 1 < words.Count; i++) features.Add(words[i] + "_" + words[i + 1]);
        foreach (var word in report.Title) features.Add("title:" + word);
        features.AddRange(Lexicon.Find(words));
        features.AddRange(Addressees.Find(words));
        // What the reporter asks for ("mohon ... menambah", "tolong diperbaiki"): the verb's root says whether a
        // report proposes something new (aspirasi) or wants a failure mended (aduan), whatever the topic.
        for (var i = 0; i < words.Count; i++)
        {
            if (!RequestMarkers.Contains(words[i])) continue;
            for (var j = i + 1; j < Math.Min(words.Count, i + 1 + RequestReach); j++) features.Add(RequestPrefix + Root(words[j]));
        }
        foreach (var word in words)
            if (FormWords.Contains(word)) features.Add(FormPrefix + word);
        if (report.Sentences.Any(s => s.Question)) features.Add(QuestionFeature);
        features.AddRange(ReportForm.Find(report, title, text));
        return features;
    }

    /// <summary>Marks the root of what a report asks for (<c>req:tambah</c>).</summary>
    public const string RequestPrefix = "req:";

    /// <summary>The report asks a question (a sentence of its title or text ends with a question mark and is no outcry).</summary>
    public const string QuestionFeature = "?question";

    /// <summary>Marks the features that say how a report is put (a question, a proposal, a grievance) rather than what it is about.</summary>
    public const string FormPrefix = "form:";

    /// <summary>Words of asking, proposing and complaining in Indonesian and its common regional forms (Javanese <i>nyuwun pirsa</i>).</summary>
    private static readonly HashSet<string> FormWords =
    [
        "apakah", "apa", "bagaimana", "kapan", "berapa", "dimana", "mana", "kenapa", "mengapa", "siapa", "tanya", "bertanya", "info", "informasi",
        "syarat", "persyaratan", "cara", "prosedur", "pirsa", "nyuwun", "mohon", "tolong", "usul", "usulan", "mengusulkan", "saran", "sebaiknya",
        "alangkah", "harap", "berharap", "semoga", "perlu", "terima", "kasih", "jangan", "tidak", "rusak", "kosong", "mati", "lambat", "dipersulit",
        "pungli", "pungutan", "ditolak", "hilang", "telat", "terlambat", "macet", "mengancam", "tambah", "menambah", "ditambah", "bangun", "membangun",
        "sediakan", "menyediakan", "adakan", "diadakan", "dibuka", "pertimbangkan", "dipertimbangkan", "program", "kebijakan", "aturan",
    ];

    internal static readonly HashSet<string> RequestMarkers = ["mohon", "tolong", "minta", "harap", "usul", "usulkan", "sebaiknya", "agar", "supaya", "perlu"];
    /// <summary>How many words after a request marker count as the request (cross-validated: 4–6 alike).</summary>
    internal const int RequestReach = 5;

    /// <summary>
    /// A verb's root with the commonest affixes off (me-/mem-/men-/meng-/meny-, di-, -kan, -i), so that "menambah",
    /// "ditambah" and "tambahkan" are one: a light stemmer for request verbs, not a full morphological analyser.
    /// </summary>
    public static string Root(string word)
    {
        if (word.Length > 6 && word.EndsWith("kan", StringComparison.Ordinal)) word = word[..^3];
        else if (word.Length > 6 && word.EndsWith('i') && !word.EndsWith("ai", StringComparison.Ordinal)) word = word[..^1];
        if (word.Length < 6) return word;
        if (word.StartsWith("meng", StringComparison.Ordinal)) return word[4..];
        if (word.StartsWith("meny", StringComparison.Ordinal)) return "s" + word[4..];
        if (word.StartsWith("mem", StringComparison.Ordinal)) return IsVowel(word[3]) ? "p" + word[3..] : word[3..];
        if (word.StartsWith("men", StringComparison.Ordinal)) return IsVowel(word[3]) ? "t" + word[3..] : word[3..];
        if (word.StartsWith("me", StringComparison.Ordinal) || word.StartsWith("di", StringComparison.Ordinal)) return word[2..];
        return word;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    private static IEnumerable<string> RawTokens(string text)
    {
        var token = new StringBuilder();
        foreach (var c in Compatible(text))
        {
            if (char.IsLetterOrDigit(c) || c == '/') token.Append(char.ToLowerInvariant(c));
            else if (token.Length > 0) { yield return Reduplication(token.ToString()); token.Clear(); }
        }
        if (token.Length > 0) yield return Reduplication(token.ToString());
    }

    /// <summary>
    /// The text in compatibility form (full-width letters, ligatures as plain letters). Intake refuses text that is not
    /// well-formed, but a report stored before it did, or another channel's, must still be triaged: a noncharacter or a
    /// broken surrogate pair, on which normalisation throws, is dropped instead.
    /// </summary>
    private static string Compatible(string text)
    {
        try
        {
            return text.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            var kept = new StringBuilder(text.Length);
            for (var i = 0; i < text.Length; i++)
            {
                if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    if ((char.ConvertToUtf32(text[i], text[i + 1]) & 0xFFFE) != 0xFFFE) kept.Append(text, i, 2);
                    i++;
                }
                else if (!char.IsSurrogate(text[i]) && text[i] is not (>= '\uFDD0' and <= '\uFDEF' or '\uFFFE' or '\uFFFF')) kept.Append(text[i]);
            }
            return kept.ToString().Normalize(NormalizationForm.FormKC);
        }
    }

    // "dapet2", "anak2" and "anak-anak" all mean the plural of the root.
    private static string Reduplication(string token) =>
        token.Length > 2 && token.EndsWith('2') && char.IsLetter(token[^2]) ? token[..^1] : token;

    private static string Stem(string word)
    {
        if (word.All(char.IsDigit)) return word.Length >= 4 ? "<num>" : word;
        foreach (var suffix in (ReadOnlySpan<string>)["nya", "lah", "kah", "pun", "ku", "mu"])
        {
            if (word.Length > suffix.Length + 3 && word.EndsWith(suffix, StringComparison.Ordinal))
                return word[..^suffix.Length];
        }
        return word;
    }

    internal static string Fold(string text) => text.ToLower(CultureInfo.InvariantCulture);
}
