namespace Lapor.AgencyDesk.Domain;

/// <summary>
/// LAPOR!'s most common non-answer: "sudah diteruskan", "sudah kami terima". Such a reply tells the citizen
/// nothing was done, so it cannot close a report.
/// </summary>
public static class ResolutionRules
{
    private static readonly string[] NonAnswers =
    [
        "sudah diteruskan", "telah diteruskan", "akan diteruskan", "sudah kami teruskan", "telah kami teruskan",
        "sudah kami terima", "telah kami terima", "sudah diterima", "telah diterima", "akan ditindaklanjuti", "akan segera ditindaklanjuti",
        "sedang ditindaklanjuti", "terima kasih atas laporannya", "terima kasih atas laporan",
    ];

    /// <summary>True when the text is short and says little beyond receiving or passing on the report.</summary>
    public static bool IsNotAnAnswer(string answer)
    {
        var text = answer.Trim().ToLowerInvariant();
        var remainder = NonAnswers.Aggregate(text, (current, phrase) => current.Replace(phrase, " "));
        var meaningfulWords = remainder.Split([' ', ',', '.', '!', '\n'], StringSplitOptions.RemoveEmptyEntries).Count(w => w.Length > 3);
        return remainder.Length < text.Length && meaningfulWords < 6;
    }
}
