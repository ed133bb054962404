namespace Lapor.Triage.Domain;

/// <summary>
/// Finds the earlier report a new one repeats: same region and sector, filed within <see cref="Window"/>, and mostly
/// the same words (<see cref="WordPrint.Similarity"/>: Jaccard similarity of normalised content words, title weighted
/// as much as the whole opening). A duplicate joins the earlier report's cluster, so the desk sees them together and
/// oversight sees where citizens pile up on one matter.
/// </summary>
public static class Duplicates
{
    /// <summary>How far back a report looks for the one it repeats (SP4N-LAPOR!'s rule: 14 days).</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(14);
    public const int Candidates = 200;
    public const double Threshold = 0.45;

    public sealed record Candidate(Guid ComplaintId, Guid? ClusterId, WordPrint Print);

    /// <summary>
    /// A candidate this similar is the same report filed again (a flood of copies in a crisis): the search ends there
    /// instead of reading the other candidates.
    /// </summary>
    public const double Certain = 0.9;

    /// <summary>
    /// The cluster the report belongs to (the first report's id), or null when it repeats none of the candidates; the
    /// candidates are read, newest first, only as far as needed.
    /// </summary>
    public static async Task<Guid?> ClusterForAsync(WordPrint report, IAsyncEnumerable<Candidate> earlier, CancellationToken cancellationToken)
    {
        Candidate? best = null;
        var bestScore = Threshold;
        await foreach (var candidate in earlier.WithCancellation(cancellationToken))
        {
            var score = report.Similarity(candidate.Print);
            if (score < bestScore) continue;
            best = candidate;
            bestScore = score;
            if (score >= Certain) break;
        }
        return best is null ? null : best.ClusterId ?? best.ComplaintId;
    }
}
