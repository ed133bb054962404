using Lapor.Analytics.Domain;
using Lapor.ServiceDefaults;

namespace Lapor.Analytics.Api;

/// <summary>One row of an oversight table: how a group of reports (an agency's, a sector's) is being handled.</summary>
public sealed record PerformanceRow(
    string Key, int Received, int Open, int Overdue, int Resolved, double? AnsweredInTimePercent, double? MedianHoursToFirstResponse,
    double? P90HoursToFirstResponse, double ForwardedPercent, int Breaches, double? AverageRating, double ReopenedPercent);

/// <summary>Builds the oversight tables from fact rows; the same code serves JSON and CSV.</summary>
public static class OversightReports
{
    public static IReadOnlyList<PerformanceRow> By(IEnumerable<ComplaintFact> facts, Func<ComplaintFact, string?> key, DateTimeOffset now) =>
        facts.Where(f => key(f) is not null)
            .GroupBy(f => key(f)!)
            .Select(g => Row(g.Key, g.ToList(), now))
            .OrderByDescending(r => r.Received).ThenBy(r => r.Key)
            .ToList();

    public static PerformanceRow Row(string key, IReadOnlyList<ComplaintFact> facts, DateTimeOffset now)
    {
        var decided = facts.Select(f => f.AnsweredInTime(now)).Where(d => d is not null).ToList();
        var hours = facts.Where(f => f.FirstRespondedAt is not null && f.RoutedAt is not null)
            .Select(f => (f.FirstRespondedAt!.Value - f.RoutedAt!.Value).TotalHours).Order().ToList();
        return new PerformanceRow(
            key,
            facts.Count,
            facts.Count(f => f.IsOpen),
            facts.Count(f => f.IsOverdue(now)),
            facts.Count(f => f.ResolvedAt is not null),
            decided.Count == 0 ? null : Math.Round(100.0 * decided.Count(d => d == true) / decided.Count, 1),
            Percentile(hours, 0.5),
            Percentile(hours, 0.9),
            facts.Count == 0 ? 0 : Math.Round(100.0 * facts.Count(f => f.Forwards > 0) / facts.Count, 1),
            facts.Sum(f => f.Breaches),
            facts.Any(f => f.Rating is not null) ? Math.Round(facts.Where(f => f.Rating is not null).Average(f => f.Rating!.Value), 2) : null,
            facts.Count == 0 ? 0 : Math.Round(100.0 * facts.Count(f => f.Reopened) / facts.Count, 1));
    }

    /// <summary>Nearest-rank percentile, in hours rounded to one decimal.</summary>
    public static double? Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? null : Math.Round(sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)], 1);

    public static string ToCsv(IEnumerable<PerformanceRow> rows, string keyName)
    {
        var csv = new System.Text.StringBuilder();
        csv.AppendLine($"{keyName},received,open,overdue,resolved,answered_in_time_percent,median_hours_to_first_response,p90_hours_to_first_response,forwarded_percent,breaches,average_rating,reopened_percent");
        foreach (var r in rows)
            csv.AppendLine(string.Join(',', Escape(r.Key), r.Received, r.Open, r.Overdue, r.Resolved, Number(r.AnsweredInTimePercent),
                Number(r.MedianHoursToFirstResponse), Number(r.P90HoursToFirstResponse), Number(r.ForwardedPercent), r.Breaches, Number(r.AverageRating), Number(r.ReopenedPercent)));
        return csv.ToString();
    }

    private static string Number(double? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "";

    // Quote every text cell and neutralise spreadsheet formulas.
    private static string Escape(string text) => "\"" + (text.StartsWith('=') || text.StartsWith('+') || text.StartsWith('-') || text.StartsWith('@') ? "'" + text : text).Replace("\"", "\"\"") + "\"";

    public static string SectorKey(ComplaintFact f) => f.Sector is { } s ? LaporJson.WireName(s) : "";
}
