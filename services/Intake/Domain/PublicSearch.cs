using System.Globalization;
using System.Text;

namespace Lapor.Intake.Domain;

/// <summary>
/// Folds public words and search queries alike, so that a search finds what a citizen means: personal data removed
/// (it is masked in everything the public sees, and so never searchable), any case, accents dropped (<c>é</c> is
/// <c>e</c>), the old spellings still on signs and in names (<c>oe</c>, <c>dj</c>, <c>tj</c>, <c>nj</c>, <c>sj</c>,
/// <c>ch</c>, and <c>j</c> for <c>y</c>, so every j is folded to y on both sides: Soerabaja is Surabaya, Djakarta is Jakarta), doubled letters typed once (<c>jalannn</c>, <c>maaf</c>) and punctuation as spaces.
/// </summary>
public static class PublicSearch
{
    private static readonly (string Old, string New)[] OldSpellings = [("oe", "u"), ("dj", "j"), ("tj", "c"), ("nj", "ny"), ("sj", "sy"), ("ch", "kh"), ("j", "y")];

    /// <summary>A report's public words, as they are searched: masked, then folded.</summary>
    public static string Fold(string text) => Query(PersonalDataMask.Apply(text).Replace(PersonalDataMask.Mask, " ", StringComparison.Ordinal));

    /// <summary>What someone searches for, folded like the words it is compared with (not masked: a number then finds nothing).</summary>
    public static string Query(string masked)
    {
        var folded = new StringBuilder(masked.Length);
        foreach (var c in masked.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            var lower = char.ToLowerInvariant(c);
            var next = char.IsLetterOrDigit(lower) ? lower : ' ';
            // Runs of one letter (and of spaces) count once; digits keep their count (RT 001 is not RT 01).
            if (folded.Length > 0 && folded[^1] == next && !char.IsDigit(next)) continue;
            folded.Append(next);
        }
        var words = folded.ToString();
        foreach (var (old, now) in OldSpellings) words = words.Replace(old, now, StringComparison.Ordinal);
        return words.Trim();
    }
}
