using System.Text;
using Lapor.Triage.Domain.Classification;

namespace Lapor.Triage.Evaluation;

/// <summary>
/// Rewrites a labelled report the way a hurried reporter on a phone might have typed it, to see how much accuracy
/// rests on tidy spelling: lower case, chat abbreviations (yg, tdk, sdh, ...), a slipped letter in some longer
/// words, punctuation left out, and (optionally) no region chosen. Only the scored reports are rewritten; the model
/// still learns from the tidy ones. The same seed rewrites a report the same way in every run.
/// </summary>
public static class MessyText
{
    private static readonly Dictionary<string, string[]> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        ["yang"] = ["yg"], ["tidak"] = ["tdk", "gak", "ga"], ["sudah"] = ["sdh", "udah", "udh"], ["dengan"] = ["dgn"], ["untuk"] = ["utk"],
        ["karena"] = ["krn", "karna"], ["bagaimana"] = ["gmn", "gimana"], ["saya"] = ["sy", "aku"], ["tolong"] = ["tlg"], ["mohon"] = ["mhn"],
        ["sekarang"] = ["skrg"], ["belum"] = ["blm"], ["juga"] = ["jg"], ["orang"] = ["org"], ["bulan"] = ["bln"], ["tahun"] = ["thn"],
        ["tapi"] = ["tp"], ["sampai"] = ["sampe"], ["dapat"] = ["dpt", "dapet"],
    };

    /// <param name="dropRegion">Whether three reports in ten also lose the region their reporter chose.</param>
    public static LabelledReport Rewrite(LabelledReport report, int seed, bool dropRegion)
    {
        // Not HashCode.Combine: its seed changes with every process.
        var key = seed;
        foreach (var c in report.Title + report.Text) key = unchecked(key * 31 + c);
        var random = new Random(key);
        var lower = random.NextDouble() < 0.6;
        return report with
        {
            Title = Rewrite(report.Title, random, lower),
            Text = Rewrite(report.Text, random, lower),
            Region = random.NextDouble() < 0.3 && dropRegion ? null : report.Region,
        };
    }

    private static string Rewrite(string text, Random random, bool lower)
    {
        var output = new StringBuilder(text.Length);
        foreach (var token in Tokens(text))
        {
            if (!char.IsLetter(token[0]))
            {
                // Full stops and commas often go; question marks sometimes do.
                var dropped = token.Trim() is "." or "," ? random.NextDouble() < 0.5 : token.Trim() == "?" && random.NextDouble() < 0.3;
                output.Append(dropped ? " " : token);
                continue;
            }
            var word = Abbreviations.TryGetValue(token, out var shortForms) && random.NextDouble() < 0.7
                ? shortForms[random.Next(shortForms.Length)]
                : token.Length >= 6 && random.NextDouble() < 0.08 ? Slip(token, random) : token;
            output.Append(lower ? word.ToLowerInvariant() : word);
        }
        return output.ToString();
    }

    /// <summary>One slipped key inside a word: two letters swapped, one left out, or one doubled.</summary>
    private static string Slip(string word, Random random)
    {
        var i = random.Next(1, word.Length - 2);
        return random.Next(3) switch
        {
            0 => word[..i] + word[i + 1] + word[i] + word[(i + 2)..],
            1 => word[..i] + word[(i + 1)..],
            _ => word[..i] + word[i] + word[i..],
        };
    }

    /// <summary>Runs of letters and digits, and everything between them, in order.</summary>
    private static IEnumerable<string> Tokens(string text)
    {
        var start = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            if (i < text.Length && char.IsLetterOrDigit(text[i]) == char.IsLetterOrDigit(text[start])) continue;
            yield return text[start..i];
            start = i;
        }
    }
}
