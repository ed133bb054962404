namespace Lapor.Analytics.Domain;

/// <summary>
/// The pre-aggregated read models: sums over reports that share a filing day (WIB), agency, sector and region.
/// Oversight queries read these, never the reports. Each report contributes a fixed set of cells
/// (<see cref="FactCells.Of"/>); a projection adds the difference between a report's contribution after and
/// before an event, so the cells are always exactly the sum over every report's current fact row — which is
/// also how a rebuild computes them.
/// </summary>
public interface ICell
{
    int Day { get; }
    string AgencyId { get; }
    string Sector { get; }
    string Region { get; }
}

/// <summary>Counts per filing day, agency, sector and region. Empty strings stand for "not known yet".</summary>
public sealed class DailyFigures : ICell
{
    public int Day { get; set; }
    public string AgencyId { get; set; } = "";
    public string Sector { get; set; } = "";
    public string Region { get; set; } = "";
    public long Filed { get; set; }
    public long Open { get; set; }
    public long Verified { get; set; }
    public long VerifiedInTime { get; set; }
    /// <summary>Verified after its deadline, or never verified and its verification deadline breached.</summary>
    public long VerificationMissed { get; set; }
    public long Routed { get; set; }
    public long Responded { get; set; }
    public long AnsweredInTime { get; set; }
    public long AnsweredLate { get; set; }
    public long Resolved { get; set; }
    public long Forwarded { get; set; }
    public long Breaches { get; set; }
    public long Rated { get; set; }
    public long RatingSum { get; set; }
    public long Reopened { get; set; }
}

/// <summary>
/// A count per filing day, agency, sector, region and one more attribute (<see cref="Kind"/>, <see cref="Value"/>):
/// status, type, channel; a latency bucket; an unanswered report's deadline hour; or an activity's own day.
/// </summary>
public sealed class DailyDetail : ICell
{
    public int Day { get; set; }
    public string AgencyId { get; set; } = "";
    public string Sector { get; set; } = "";
    public string Region { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Value { get; set; } = "";
    public long Count { get; set; }
}

/// <summary>The kinds of <see cref="DailyDetail"/>.</summary>
public static class DetailKinds
{
    public const string Status = "status";
    public const string Type = "type";
    public const string Channel = "channel";

    /// <summary>Latency histograms (value: <see cref="Latency"/> bucket), from routing, filing and filing respectively.</summary>
    public const string FirstResponse = "first_response";
    public const string Verification = "verification";
    public const string Resolution = "resolution";

    /// <summary>Unanswered reports by the hour their follow-up deadline ends (value: <c>yyyy-MM-ddTHH</c>, UTC).</summary>
    public const string UnansweredOpen = "unanswered_open";
    public const string UnansweredClosed = "unanswered_closed";

    /// <summary>Activity on its own day (the cell's day is the day it happened, not the filing day).</summary>
    public const string ActivityPrefix = "on_";
    public static readonly string[] ActivityMetrics = ["filed", "routed", "responded", "resolved", "breached"];
}
