using Lapor.Triage.Domain.Classification;

namespace Lapor.Triage.Domain;

/// <summary>
/// Finds the earlier report a new one repeats: same region and sector, filed within <see cref="Window"/>, and mostly
/// the same words (Jaccard similarity of normalised content words, title weighted as much as the whole text). A
/// duplicate joins the earlier report's cluster, so the desk sees them together and oversight sees where citizens
/// pile up on one matter.
/// </summary>
public static class Duplicates
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(30);
    public const int Candidates = 200;
    public const double Threshold = 0.45;
    /// <summary>How much of each earlier report's text is compared (the opening says what it is about).</summary>
    public const int TextCompared = 600;

    public sealed record Candidate(Guid ComplaintId, Guid? ClusterId, string Title, string Text);

    /// <summary>
    /// A candidate this similar is the same report filed again (a flood of copies in a crisis): the search ends there
    /// instead of reading the other candidates.
    /// </summary>
    public const double Certain = 0.9;

    /// <summary>
    /// The cluster the report belongs to (the first report's id), or null when it repeats none of the candidates; the
    /// candidates are read, newest first, only as far as needed.
    /// </summary>
    public static async Task<Guid?> ClusterForAsync(string title, string text, IAsyncEnumerable<Candidate> earlier, CancellationToken cancellationToken)
    {
        var titleWords = Words(title);
        var allWords = Words(title + " . " + (text.Length > TextCompared ? text[..TextCompared] : text));
        Candidate? best = null;
        var bestScore = Threshold;
        await foreach (var candidate in earlier.WithCancellation(cancellationToken))
        {
            var score = 0.5 * Jaccard(titleWords, Words(candidate.Title)) + 0.5 * Jaccard(allWords, Words(candidate.Title + " . " + candidate.Text));
            if (score < bestScore) continue;
            best = candidate;
            bestScore = score;
            if (score >= Certain) break;
        }
        return best is null ? null : best.ClusterId ?? best.ComplaintId;
    }

    private static HashSet<string> Words(string text) => [.. TextNormalizer.Words(text)];

    public static double Jaccard(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 || b.Count == 0) return 0;
        var shared = a.Count(b.Contains);
        return (double)shared / (a.Count + b.Count - shared);
    }
}
