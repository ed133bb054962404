using Lapor.Analytics.Domain;
using Lapor.ServiceDefaults;

namespace Lapor.Analytics.Api;

/// <summary>
/// One row of an oversight table: how a group of reports (an agency's, a sector's, a region's) is being handled.
/// Percent figures count reports still unanswered past their deadline as misses, never leaving them out;
/// <see cref="Overdue"/> counts open reports past their follow-up deadline unanswered, including the new deadline of
/// a report reopened or forwarded after its first answer;
/// hours are the upper bounds of 5 %-wide histogram buckets. <see cref="Name"/> is the agency's name from the
/// directory, in agency tables.
/// </summary>
public sealed record PerformanceRow(
    string Key, long Received, long Open, long Overdue, long Resolved, double? AnsweredInTimePercent, double? MedianHoursToFirstResponse,
    double? P90HoursToFirstResponse, double ForwardedPercent, long Breaches, double? AverageRating, double ReopenedPercent,
    double? VerifiedInTimePercent, double? MedianHoursToVerification, double? P90HoursToVerification,
    double? MedianHoursToResolution, double? P90HoursToResolution, string? Name = null);

/// <summary>Builds oversight rows from summed cells; the same rows serve JSON and CSV.</summary>
public static class OversightReports
{
    public static PerformanceRow Row(string key, IEnumerable<DailyFigures> figures, IEnumerable<DailyDetail> details)
    {
        var f = figures.ToList();
        long Sum(Func<DailyFigures, long> measure) => f.Sum(measure);
        var d = details.ToList();
        long Count(string kind, string value) => d.Where(x => x.Kind == kind && x.Value == value).Sum(x => x.Count);
        IEnumerable<(string, long)> Histogram(string kind) => d.Where(x => x.Kind == kind).Select(x => (x.Value, x.Count));

        var received = Sum(x => x.Filed);
        var firstAnswerOverdue = Count(DetailKinds.UnansweredOpen, "past");
        var missedUnanswered = firstAnswerOverdue + Count(DetailKinds.UnansweredClosed, "past");
        var overdue = firstAnswerOverdue + Count(DetailKinds.AnswerOwedAgain, "past");
        var answeredDecided = Sum(x => x.AnsweredInTime) + Sum(x => x.AnsweredLate) + missedUnanswered;
        var verifiedDecided = Sum(x => x.VerifiedInTime) + Sum(x => x.VerificationMissed);
        var rated = Sum(x => x.Rated);
        return new PerformanceRow(
            key,
            received,
            Sum(x => x.Open),
            overdue,
            Sum(x => x.Resolved),
            Percent(Sum(x => x.AnsweredInTime), answeredDecided),
            Latency.Percentile(Histogram(DetailKinds.FirstResponse), 0.5),
            Latency.Percentile(Histogram(DetailKinds.FirstResponse), 0.9),
            Percent(Sum(x => x.Forwarded), received) ?? 0,
            Sum(x => x.Breaches),
            rated == 0 ? null : Math.Round((double)Sum(x => x.RatingSum) / rated, 2),
            Percent(Sum(x => x.Reopened), received) ?? 0,
            Percent(Sum(x => x.VerifiedInTime), verifiedDecided),
            Latency.Percentile(Histogram(DetailKinds.Verification), 0.5),
            Latency.Percentile(Histogram(DetailKinds.Verification), 0.9),
            Latency.Percentile(Histogram(DetailKinds.Resolution), 0.5),
            Latency.Percentile(Histogram(DetailKinds.Resolution), 0.9));
    }

    private static double? Percent(long part, long whole) => whole == 0 ? null : Math.Round(100.0 * part / whole, 1);

    private static readonly string[] Columns =
    [
        "received", "open", "overdue", "resolved", "answered_in_time_percent", "median_hours_to_first_response", "p90_hours_to_first_response",
        "forwarded_percent", "breaches", "average_rating", "reopened_percent", "verified_in_time_percent", "median_hours_to_verification",
        "p90_hours_to_verification", "median_hours_to_resolution", "p90_hours_to_resolution",
    ];

    public static string ToCsv(IEnumerable<PerformanceRow> rows, string keyName, bool named = false) =>
        CsvTable.Write(named ? [keyName, "name", .. Columns] : [keyName, .. Columns], rows.Select(r => (named ? new object?[] { r.Key, r.Name } : [r.Key]).Concat(new object?[]
        {
            r.Received, r.Open, r.Overdue, r.Resolved, r.AnsweredInTimePercent, r.MedianHoursToFirstResponse, r.P90HoursToFirstResponse,
            r.ForwardedPercent, r.Breaches, r.AverageRating, r.ReopenedPercent, r.VerifiedInTimePercent, r.MedianHoursToVerification,
            r.P90HoursToVerification, r.MedianHoursToResolution, r.P90HoursToResolution,
        }).ToArray()));
}
