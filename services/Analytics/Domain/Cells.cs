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
    /// <summary><see cref="Grains.Day"/> or <see cref="Grains.Month"/>: every contribution is kept at both.</summary>
    int Grain { get; }
    /// <summary>The day (<see cref="DateOnly.DayNumber"/>), or the first day of the month at month grain.</summary>
    int Day { get; }
    string AgencyId { get; }
    string Sector { get; }
    string Region { get; }
}

/// <summary>Counts per filing day, agency, sector and region. Empty strings stand for "not known yet".</summary>
public sealed class DailyFigures : ICell
{
    public int Grain { get; set; }
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

    /// <summary>The same counts in the cell of this day's month.</summary>
    public DailyFigures AtMonth()
    {
        var month = (DailyFigures)MemberwiseClone();
        month.Grain = Grains.Month;
        month.Day = Grains.MonthOf(Day);
        return month;
    }
}

/// <summary>
/// A count per filing day, agency, sector, region and one more attribute (<see cref="Kind"/>, <see cref="Value"/>):
/// status, type, channel; a latency bucket; an unanswered report's deadline hour; or an activity's own day.
/// </summary>
public sealed class DailyDetail : ICell
{
    public int Grain { get; set; }
    public int Day { get; set; }
    public string AgencyId { get; set; } = "";
    public string Sector { get; set; } = "";
    public string Region { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Value { get; set; } = "";
    public long Count { get; set; }

    /// <summary>The same count in the cell of this day's month.</summary>
    public DailyDetail AtMonth()
    {
        var month = (DailyDetail)MemberwiseClone();
        month.Grain = Grains.Month;
        month.Day = Grains.MonthOf(Day);
        return month;
    }
}

/// <summary>
/// Cells are kept per day and per month, so a question over a long period reads a month's cell where it covers
/// whole months and day cells only at its ragged ends.
/// </summary>
public static class Grains
{
    public const int Day = 0;
    public const int Month = 1;

    public static int MonthOf(int day)
    {
        var date = DateOnly.FromDayNumber(day);
        return new DateOnly(date.Year, date.Month, 1).DayNumber;
    }
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
    /// <summary>
    /// Open reports owed another answer after their first (reopened, or forwarded after an answer), by the hour that
    /// deadline ends: overdue once it has begun, but not a first answer missed (the first answer's timeliness is
    /// counted once, by <see cref="UnansweredOpen"/> and the figures).
    /// </summary>
    public const string AnswerOwedAgain = "answer_owed_again";

    /// <summary>The kinds whose value is a deadline's hour: read as passed or still ahead.</summary>
    public static readonly string[] Deadlines = [UnansweredOpen, UnansweredClosed, AnswerOwedAgain];

    /// <summary>Hotspots: a report repeating an earlier one (value: the cluster, i.e. the first report's id), and support per cluster.</summary>
    public const string Cluster = "cluster";
    public const string Support = "support";

    /// <summary>Activity on its own day (the cell's day is the day it happened, not the filing day).</summary>
    public const string ActivityPrefix = "on_";
    public static readonly string[] ActivityMetrics = ["filed", "routed", "responded", "resolved", "breached"];
}
