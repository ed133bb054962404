namespace Lapor.Analytics.Domain;

/// <summary>
/// Latency histograms with buckets 5 % wide (bucket b holds durations up to 1.05^b minutes), so medians and
/// 90th percentiles over any period and slice come from summed bucket counts, to within 5 %, without reading reports.
/// </summary>
public static class Latency
{
    private const double Growth = 1.05;

    public static string Bucket(TimeSpan elapsed)
    {
        var minutes = elapsed.TotalMinutes;
        var bucket = minutes <= 1 ? 0 : (int)Math.Ceiling(Math.Round(Math.Log(minutes) / Math.Log(Growth), 9));
        return bucket.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The upper bound, in hours, of the bucket holding the nearest-rank percentile; null without data.</summary>
    public static double? Percentile(IEnumerable<(string Bucket, long Count)> histogram, double p)
    {
        var buckets = histogram.Where(b => b.Count > 0).OrderBy(b => b.Bucket, StringComparer.Ordinal).ToList();
        var total = buckets.Sum(b => b.Count);
        if (total == 0) return null;
        var rank = Math.Max(1, (long)Math.Ceiling(p * total));
        long seen = 0;
        foreach (var (bucket, count) in buckets)
        {
            seen += count;
            if (seen >= rank) return Math.Round(Math.Pow(Growth, int.Parse(bucket, System.Globalization.CultureInfo.InvariantCulture)) / 60, 1);
        }
        return null;
    }
}
