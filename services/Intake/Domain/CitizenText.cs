using System.Text;

namespace Lapor.Intake.Domain;

/// <summary>
/// The door's rules for text a citizen types. Invisible direction and width controls (bidi overrides and isolates,
/// zero-width spaces and joiners, the BOM) are removed: they only ever serve to make a title read differently to an
/// officer than it was stored. Text that is not well-formed Unicode — a control character other than line breaks and
/// tabs, a noncharacter (U+FFFE, U+FFFF, U+FDD0–U+FDEF and their twins in every plane) or half a surrogate pair — is
/// refused: it is never what a phone's keyboard typed, and no later step should have to cope with it.
/// </summary>
public static class CitizenText
{
    public const string Refusal = "Must not contain control characters or characters that are not text (such as U+FFFF).";

    /// <summary>The text without invisible direction and width controls, trimmed.</summary>
    public static string Clean(string text)
    {
        if (!text.Any(IsInvisibleControl)) return text.Trim();
        var kept = new StringBuilder(text.Length);
        foreach (var c in text) if (!IsInvisibleControl(c)) kept.Append(c);
        return kept.ToString().Trim();
    }

    /// <summary>Whether every character is text: no controls but line breaks and tabs, no noncharacters, no broken surrogate pairs.</summary>
    public static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsControl(c) && c is not ('\n' or '\r' or '\t')) return false;
            int codePoint = c;
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1])) return false;
                codePoint = char.ConvertToUtf32(c, text[++i]);
            }
            else if (char.IsLowSurrogate(c)) return false;
            if (IsNoncharacter(codePoint)) return false;
        }
        return true;
    }

    private static bool IsNoncharacter(int codePoint) => codePoint is >= 0xFDD0 and <= 0xFDEF || (codePoint & 0xFFFE) == 0xFFFE;

    private static bool IsInvisibleControl(char c) =>
        c is '\u061C' or '\u200B' or '\u200C' or '\u200D' or '\u200E' or '\u200F' or '\u2060' or '\uFEFF' or '\u180E'
            or >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';
}
