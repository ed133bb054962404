using System.Text.RegularExpressions;

namespace Lapor.Triage.Domain.Classification;

/// <summary>
/// How a report is put, sentence by sentence: a sentence that opens with a question word or a request
/// ("Berapa tarif ...?", "Mohon dibangun ...", "Mau tanya, ..."), a question sentence and the question words in
/// it, and the asking words of the title ("Syarat daftar PKH", "Usul bus sekolah"). These say whether a report
/// asks for information, proposes something or complains, whatever it is about; the features carry
/// <see cref="TextNormalizer.FormPrefix"/> so only the type head sees them. General Indonesian (and common
/// regional) phrasing, not wording from any one data set.
/// </summary>
public static partial class ReportForm
{
    private static readonly HashSet<string> QuestionWords =
        ["apakah", "apa", "bagaimana", "kapan", "berapa", "dimana", "mana", "kenapa", "mengapa", "siapa", "bisakah", "adakah", "bolehkah"];

    private static readonly HashSet<string> Openers =
    [
        .. QuestionWords, "mau", "ingin", "tanya", "bertanya", "menanyakan", "nyuwun", "punten", "mohon", "tolong", "minta", "harap", "usul",
        "saran", "sebaiknya", "terima", "info", "informasi",
    ];

    /// <summary>Title words that name what is asked for: the requirements, the way, the schedule, the cost.</summary>
    private static readonly HashSet<string> TitleCues =
    [
        .. QuestionWords, "syarat", "persyaratan", "cara", "prosedur", "jadwal", "tarif", "besaran", "biaya", "info", "informasi", "tanya",
        "usul", "usulan", "saran", "harapan", "permohonan", "terima", "jangan",
    ];

    /// <summary>The normaliser's request markers, and "segera" (at once), which asks for a mend.</summary>
    private static readonly HashSet<string> RequestMarkers = [.. TextNormalizer.RequestMarkers, "segera"];

    /// <summary>Roots of asking for something new: provide, build, develop, announce, limit, abolish, renew, open.</summary>
    private static readonly HashSet<string> ProposeRoots =
    [
        "sedia", "bangun", "buat", "kembang", "umum", "dorong", "batas", "hapus", "perbaru", "atur", "ada", "adakan", "buka", "tambah", "perluas",
        "terap", "tingkat", "evaluasi", "kaji", "pertimbang", "ubah", "ganti", "naik", "turun", "subsidi", "gratis", "anggar", "program", "bentuk",
        "fasilitas", "tata", "pasang", "perbanyak", "konsisten", "libat", "bebas", "berantas", "sosialisasi", "insentif", "wajib", "larang", "lindung", "perketat", "beri",
    ];

    /// <summary>Roots of asking for a failure to be mended: repair, act on, check, pay out, return, clean, investigate.</summary>
    private static readonly HashSet<string> RemedyRoots =
    [
        "perbaik", "baik", "tindak", "tindaklanjut", "cek", "dicek", "periksa", "bantu", "proses", "cair", "bayar", "usut", "tertib", "selesai",
        "benah", "bersih", "angkut", "kembali", "tangan", "tangani", "tanggap", "tegur", "sanksi", "tindaklanjuti", "segel", "tutup", "aktif", "respon",
    ];

    /// <summary>Words of something gone wrong: a report with several of them is telling of a failure, whatever it asks.</summary>
    private static readonly HashSet<string> FailureWords =
    [
        "tidak", "belum", "gagal", "rusak", "mati", "padam", "hilang", "ditolak", "telat", "terlambat", "macet", "diundur", "batal", "nunggak",
        "dipotong", "dipersulit", "pungli", "putus", "bocor", "kosong", "menumpuk", "terlantar", "mangkrak", "lambat", "nonaktif", "diblokir",
        "error", "salah", "dibiarkan", "diabaikan", "ditagih", "dipungut", "diancam", "mengancam", "hanya", "cuma", "berlubang", "keruh",
    ];

    /// <summary>"Sudah 3 minggu", "sejak Januari", "berbulan-bulan": how long a failure has lasted.</summary>
    [GeneratedRegex(@"\b(sejak|berhari|berminggu|berbulan|bertahun|(\d+|se|satu|dua|tiga|empat|lima|beberapa)[ -]?(hari|minggu|bulan|tahun|kali))\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Duration();

    /// <summary>"Secara nasional", "di setiap kecamatan", "menyeluruh", "rutin": a request about a whole system, not one case.</summary>
    [GeneratedRegex(@"\b(nasional|menyeluruh|pemerintah pusat|(setiap|tiap) (kelurahan|kecamatan|desa|rt|rw|sekolah|puskesmas|kabupaten|kota|daerah|provinsi|wilayah)|seluruh (indonesia|daerah|wilayah|kabupaten|kota)|rutin|berkala|jangka panjang)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Scope();

    /// <summary>"Bukan tambal sulam", "bukan cuma aplikasinya", "jangan hanya per daerah": asking for more than a mend.</summary>
    [GeneratedRegex(@"\b(bukan|jangan)\s+(hanya|cuma|sekadar|sekedar|tambal)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotOnly();

    public static IEnumerable<string> Find(ReportWords report, string title, string text)
    {
        if (Scope().IsMatch(title) || Scope().IsMatch(text)) yield return TextNormalizer.FormPrefix + "scope";
        if (NotOnly().IsMatch(text)) yield return TextNormalizer.FormPrefix + "not-only";
        foreach (var word in report.Title)
            if (TitleCues.Contains(word)) yield return TextNormalizer.FormPrefix + "title:" + word;
        // A title that is itself the proposal ("Bangun SMA negeri ...", "Trotoar ... ditata ulang", "Batasi denda ...").
        if (report.Title.Any(w => ProposeRoots.Contains(TextNormalizer.Root(w)))) yield return TextNormalizer.FormPrefix + "title:propose";
        if (report.Title.Any(w => RemedyRoots.Contains(TextNormalizer.Root(w)))) yield return TextNormalizer.FormPrefix + "title:remedy";
        // A title that names something gone wrong ("Lampu jalan mati") tells of a failure; one that does not ("Layanan
        // rekam KTP keliling untuk lansia") more often names what is wished for.
        yield return TextNormalizer.FormPrefix + (report.Title.Any(FailureWords.Contains) ? "title:failure" : "title:calm");
        foreach (var feature in Requests(report.All)) yield return feature;
        var failures = report.All.Where(FailureWords.Contains).Distinct().Count();
        if (failures >= 2) yield return TextNormalizer.FormPrefix + "failures";
        if (failures >= 4) yield return TextNormalizer.FormPrefix + "many-failures";
        if (Duration().IsMatch(title) || Duration().IsMatch(text)) yield return TextNormalizer.FormPrefix + "lasting";
        // Asking early is asking for information; a question only after the story is often a grievance's cry ("Bagaimana ini?").
        var firstQuestion = report.Sentences.Select((sentence, at) => (sentence, at)).FirstOrDefault(s => s.sentence.Question).at;
        if (report.Sentences.Any(s => s.Question)) yield return TextNormalizer.FormPrefix + (firstQuestion <= 2 ? "ask:early" : "ask:late");
        foreach (var sentence in report.Sentences)
        {
            // "Mohon … menambah armada supaya waktu tanggap di bawah 15 menit": the outcome a proposal is for.
            if (AsksForAnOutcome(sentence.Words)) yield return TextNormalizer.FormPrefix + "purpose";
            if (Openers.Contains(sentence.Words[0])) yield return TextNormalizer.FormPrefix + "lead:" + sentence.Words[0];
            if (!sentence.Question) continue;
            yield return TextNormalizer.FormPrefix + "ask";
            foreach (var word in sentence.Words)
                if (QuestionWords.Contains(word)) yield return TextNormalizer.FormPrefix + "ask:" + word;
        }
    }

    /// <summary>A request followed, later in its sentence, by what it is for ("… supaya …", "… agar …").</summary>
    private static bool AsksForAnOutcome(IReadOnlyList<string> words)
    {
        var asked = -1;
        for (var i = 0; i < words.Count; i++)
        {
            if (asked < 0 && words[i] is "mohon" or "tolong" or "minta" or "harap") asked = i;
            else if (asked >= 0 && i > asked + 1 && words[i] is "supaya" or "agar" or "biar" or "sehingga") return true;
        }
        return false;
    }

    /// <summary>Whether what the report asks for is new (a proposal) or a mend (a grievance), or both.</summary>
    private static IEnumerable<string> Requests(IReadOnlyList<string> words)
    {
        bool propose = false, remedy = false;
        for (var i = 0; i < words.Count; i++)
        {
            if (!RequestMarkers.Contains(words[i])) continue;
            foreach (var word in words.Skip(i + 1).Take(TextNormalizer.RequestReach))
            {
                var root = TextNormalizer.Root(word);
                propose |= ProposeRoots.Contains(root);
                remedy |= RemedyRoots.Contains(root);
            }
        }
        if (propose) yield return TextNormalizer.FormPrefix + "propose";
        if (remedy) yield return TextNormalizer.FormPrefix + "remedy";
        if (propose && !remedy) yield return TextNormalizer.FormPrefix + "propose-only";
    }
}
