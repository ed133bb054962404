using System.Text.RegularExpressions;

namespace Lapor.Triage.Domain.Classification;

/// <summary>
/// A sentence's normalised words, and whether it asks a question: it ends with a question mark and is not an outcry
/// ("dinsos mane?", "iki wajar ta?", "gimana sih ini?"), which asks nothing and complains.
/// </summary>
public sealed record Sentence(IReadOnlyList<string> Words, bool Question);

/// <summary>
/// A report's normalised words, read once: by sentence (title first), the title's alone, and all of them in order
/// (the same words <see cref="TextNormalizer.Words"/> gives for the title and text together).
/// </summary>
public sealed partial record ReportWords(IReadOnlyList<string> Title, IReadOnlyList<Sentence> Sentences, IReadOnlyList<string> All)
{
    public static ReportWords Read(string title, string text)
    {
        var titleSentences = Split(title);
        var sentences = titleSentences.Concat(Split(text)).ToList();
        return new ReportWords(
            [.. titleSentences.SelectMany(s => s.Words)],
            sentences,
            [.. sentences.SelectMany(s => s.Words)]);
    }

    private static List<Sentence> Split(string text)
    {
        var sentences = new List<Sentence>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] is not ('.' or '!' or '?' or '\n')) continue;
            if (i > start && TextNormalizer.Words(text[start..i]) is { Count: > 0 } words)
                sentences.Add(new Sentence(words, i < text.Length && text[i] == '?' && !Outcry().IsMatch(text[start..i])));
            start = i + 1;
        }
        return sentences;
    }

    /// <summary>
    /// The words of an indignant question in Indonesian and the regional speech citizens write in: where is it (Betawi
    /// "mane", Javanese "endi"), is this fair ("wajar", "pantas"), surely not ("kok"), what on earth ("apa-apaan",
    /// "gimana sih", "piye iki").
    /// </summary>
    [GeneratedRegex(@"\b(mane|endi|ndi|wajar|pantas|pantes|kok|apa[- ]?apaan|(gimana|gmn|piye) (sih|nih|iki|ini)|bagaimana sih)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Outcry();
}
