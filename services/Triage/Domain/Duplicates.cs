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

    /// <summary>The cluster the report belongs to (the first report's id), or null when it repeats none of the candidates.</summary>
    public static Guid? ClusterFor(string title, string text, IEnumerable<Candidate> earlier)
    {
        var comparison = new Comparison(title, text);
        foreach (var candidate in earlier)
            if (comparison.Offer(candidate)) break;
        return comparison.Cluster;
    }

    /// <summary>As <see cref="ClusterFor"/>, reading the candidates only as far as needed.</summary>
    public static async Task<Guid?> ClusterForAsync(string title, string text, IAsyncEnumerable<Candidate> earlier, CancellationToken cancellationToken)
    {
        var comparison = new Comparison(title, text);
        await foreach (var candidate in earlier.WithCancellation(cancellationToken))
            if (comparison.Offer(candidate)) break;
        return comparison.Cluster;
    }

    /// <summary>A new report compared with earlier ones, keeping the most similar above the threshold.</summary>
    private sealed class Comparison(string title, string text)
    {
        private readonly HashSet<string> _titleWords = Words(title);
        private readonly HashSet<string> _allWords = Words(title + " . " + (text.Length > TextCompared ? text[..TextCompared] : text));
        private Candidate? _best;
        private double _bestScore = Threshold;

        public Guid? Cluster => _best is null ? null : _best.ClusterId ?? _best.ComplaintId;

        /// <summary>Weighs one candidate; true when it is certainly the same report and no other need be read.</summary>
        public bool Offer(Candidate candidate)
        {
            var score = 0.5 * Jaccard(_titleWords, Words(candidate.Title)) + 0.5 * Jaccard(_allWords, Words(candidate.Title + " . " + candidate.Text));
            if (score < _bestScore) return false;
            _best = candidate;
            _bestScore = score;
            return score >= Certain;
        }
    }

    private static HashSet<string> Words(string text) => [.. TextNormalizer.Words(text)];

    public static double Jaccard(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 || b.Count == 0) return 0;
        var shared = a.Count(b.Contains);
        return (double)shared / (a.Count + b.Count - shared);
    }
}
