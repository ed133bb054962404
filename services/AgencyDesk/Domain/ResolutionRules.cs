using System.Text.RegularExpressions;

namespace Lapor.AgencyDesk.Domain;

/// <summary>
/// What may close a report: an answer that says what was done — an action taken ("lubang sudah ditambal", "petugas
/// telah memperbaiki"), a date ("pada 3 Desember", "tanggal 12/11"), or a result ("air kini sudah normal"). LAPOR!'s
/// most common non-answers only say the report moved inside the office ("sudah diteruskan kepada Bidang …", "untuk
/// diproses lebih lanjut sesuai prosedur", "akan ditindaklanjuti"): they tell the citizen nothing was done, so they
/// cannot close it. A promise ("akan diperbaiki") counts only with its date.
/// </summary>
public static partial class ResolutionRules
{
    public const string Refusal = "A resolution says what was done: the action taken, its date or its result. Saying the report was received, passed on or will be processed does not close it.";

    /// <summary>Verbs that only say the report moved, was received or will be handled: never an action done.</summary>
    private static readonly HashSet<string> Movement =
    [
        "diteruskan", "meneruskan", "disampaikan", "menyampaikan", "diterima", "menerima", "diproses", "memproses",
        "ditindaklanjuti", "menindaklanjuti", "dikoordinasikan", "mengoordinasikan", "berkoordinasi", "dilaporkan",
        "dicatat", "didisposisikan", "mendisposisikan", "diarahkan", "ditangani", "menangani", "dikaji", "mengkaji",
        "dipelajari", "mempelajari", "dibahas", "membahas", "ditampung", "menampung", "diagendakan", "direncanakan",
        "diupayakan", "mengupayakan", "diverifikasi", "memverifikasi", "ditinjau", "meninjau", "dimohon", "memohon",
        "menjadi", "menunggu", "diharapkan", "dimaksud", "berkenan", "bersedia", "berproses", "dalam",
        // the same verbs after "kami" ("sudah kami teruskan"): the bare root
        "terima", "teruskan", "sampaikan", "proses", "tindaklanjuti", "koordinasikan", "catat", "disposisikan", "arahkan",
        "tangani", "kaji", "pelajari", "bahas", "tampung", "agendakan", "rencanakan", "upayakan", "verifikasi", "tinjau",
    ];

    /// <summary>Words for a state reached: "jalan sudah aman", "stok kini tersedia".</summary>
    private static readonly HashSet<string> Results =
    [
        "normal", "lancar", "bersih", "aman", "tersedia", "berfungsi", "menyala", "terisi", "terpasang", "cair", "lunas",
        "selesai", "aktif", "baik", "beroperasi", "terbit", "kembali",
    ];

    /// <summary>True when the text does not say what was done (an action, a date or a result), so it cannot resolve a report.</summary>
    public static bool IsNotAnAnswer(string answer)
    {
        var text = answer.ToLowerInvariant();
        if (DateExpression().IsMatch(text)) return false;
        foreach (Match done in Done().Matches(text))
        {
            var word = done.Groups["word"].Value;
            var verb = IsVerb(word) || done.Groups["agent"].Success && word.Length > 3; // "sudah kami perbaiki"
            if (Results.Contains(word) || verb && !Movement.Contains(word)) return false;
        }
        return true;
    }

    /// <summary>An Indonesian verb form: passive di-, active me-/mem-/men-/meng-/meny-, ter- or ber-.</summary>
    private static bool IsVerb(string word) =>
        word.Length > 4 && (word.StartsWith("di", StringComparison.Ordinal) || word.StartsWith("me", StringComparison.Ordinal)
            || word.StartsWith("ter", StringComparison.Ordinal) || word.StartsWith("ber", StringComparison.Ordinal));

    /// <summary>"sudah/telah/selesai/kini/sekarang/berhasil", up to two words, then the word that says what happened.</summary>
    [GeneratedRegex(@"\b(?:sudah|sdh|telah|tlh|selesai|kini|sekarang|berhasil)\s+(?:(?<agent>kami|kita)\s+|(?:dapat|bisa|mulai|juga|ulang|segera|langsung|secara|tuntas|seluruhnya)\s+){0,2}(?<word>\p{L}+)")]
    private static partial Regex Done();

    /// <summary>A calendar date: "3 Desember", "tgl 12/11", "tanggal 5", "2026-11-30", "senin (30/11)".</summary>
    [GeneratedRegex(@"\b\d{1,2}\s+(?:jan|feb|mar|apr|mei|jun|jul|agu|agt|ags|sep|okt|nov|des)\p{L}*\b|\b\d{1,2}[/-]\d{1,2}(?:[/-]\d{2,4})?\b|\b\d{4}-\d{2}-\d{2}\b|\b(?:tanggal|tgl\.?)\s*\d{1,2}\b")]
    private static partial Regex DateExpression();
}
