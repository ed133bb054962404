using System.Globalization;
using Lapor.ServiceDefaults;

namespace Lapor.Analytics.Domain;

/// <summary>What one report adds to the pre-aggregated cells, given its fact row as it stands.</summary>
public static class FactCells
{
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    /// <summary>The day (WIB, as <see cref="DateOnly.DayNumber"/>) a moment falls on.</summary>
    public static int Day(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(Wib).DateTime).DayNumber;

    /// <summary>A deadline's hour, rounded up, as sortable text: a report is overdue once this hour has begun.</summary>
    public static string DueHour(DateTimeOffset due)
    {
        var utc = due.UtcDateTime;
        var hour = new DateTime(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, DateTimeKind.Utc);
        if (hour < utc) hour = hour.AddHours(1);
        return hour.ToString("yyyy-MM-dd'T'HH", CultureInfo.InvariantCulture);
    }

    /// <summary>The hour that has begun at <paramref name="now"/>, comparable with <see cref="DueHour"/>.</summary>
    public static string CurrentHour(DateTimeOffset now) => now.UtcDateTime.ToString("yyyy-MM-dd'T'HH", CultureInfo.InvariantCulture);

    /// <summary>Every cell the report adds to, at day and at month grain; nothing until its filing is known (an out-of-order event waits for it).</summary>
    public static (IReadOnlyList<DailyFigures> Figures, IReadOnlyList<DailyDetail> Details) Of(ComplaintFact f)
    {
        if (OfDay(f) is not ({ } figures, var details)) return ([], []);
        return ([figures, figures.AtMonth()], [.. details, .. details.Select(d => d.AtMonth())]);
    }

    private static (DailyFigures? Figures, IReadOnlyList<DailyDetail> Details) OfDay(ComplaintFact f)
    {
        if (f.FiledAt is not { } filed) return (null, []);
        var day = Day(filed);
        var agency = f.AgencyId ?? "";
        var sector = f.Sector is { } s ? LaporJson.WireName(s) : "";
        var region = f.Region ?? "";
        long One(bool condition) => condition ? 1 : 0;

        var answeredInTime = f.FirstRespondedAt is { } answered && f.FollowUpDueAt is { } due && answered <= due;
        var figures = new DailyFigures
        {
            Day = day, AgencyId = agency, Sector = sector, Region = region,
            Filed = 1,
            Open = One(f.IsOpen),
            Verified = One(f.VerifiedAt is not null),
            VerifiedInTime = One(f.VerifiedAt <= f.VerificationDueAt),
            VerificationMissed = One(f.VerifiedAt > f.VerificationDueAt || (f.VerifiedAt is null && f.VerificationBreached)),
            Routed = One(f.RoutedAt is not null),
            Responded = One(f.FirstRespondedAt is not null),
            AnsweredInTime = One(answeredInTime),
            AnsweredLate = One(f.FirstRespondedAt is not null && f.FollowUpDueAt is not null && !answeredInTime),
            Resolved = One(f.ResolvedAt is not null),
            Forwarded = One(f.Forwards > 0),
            Breaches = f.Breaches,
            Rated = One(f.Rating is not null),
            RatingSum = f.Rating ?? 0,
            Reopened = One(f.Reopened),
        };

        var details = new List<DailyDetail>();
        void Add(string kind, string value, int? onDay = null) =>
            details.Add(new DailyDetail { Day = onDay ?? day, AgencyId = agency, Sector = sector, Region = region, Kind = kind, Value = value, Count = 1 });

        Add(DetailKinds.Status, LaporJson.WireName(f.Status));
        if (f.Type is { } type) Add(DetailKinds.Type, LaporJson.WireName(type));
        if (f.Channel is { } channel) Add(DetailKinds.Channel, LaporJson.WireName(channel));
        if (f.RoutedAt is { } routed && f.FirstRespondedAt is { } first) Add(DetailKinds.FirstResponse, Latency.Bucket(first - routed));
        if (f.VerifiedAt is { } verified) Add(DetailKinds.Verification, Latency.Bucket(verified - filed));
        if (f.ResolvedAt is { } resolved) Add(DetailKinds.Resolution, Latency.Bucket(resolved - filed));
        if (f.FollowUpDueAt is { } followUpDue && f.FirstRespondedAt is null)
            Add(f.IsOpen ? DetailKinds.UnansweredOpen : DetailKinds.UnansweredClosed, DueHour(followUpDue));
        if (f.AnswerOwedAgain is { } owed) Add(DetailKinds.AnswerOwedAgain, DueHour(owed.DueAt));

        if (f.ClusterId is { } cluster) Add(DetailKinds.Cluster, cluster.ToString("N"));
        if (f.Supports > 0)
            details.Add(new DailyDetail { Day = day, AgencyId = agency, Sector = sector, Region = region, Kind = DetailKinds.Support,
                Value = (f.ClusterId ?? f.ComplaintId).ToString("N"), Count = f.Supports });

        Add(DetailKinds.ActivityPrefix + "filed", "", day);
        if (f.RoutedAt is { } routedAt) Add(DetailKinds.ActivityPrefix + "routed", "", Day(routedAt));
        if (f.FirstRespondedAt is { } respondedAt) Add(DetailKinds.ActivityPrefix + "responded", "", Day(respondedAt));
        if (f.ResolvedAt is { } resolvedAt) Add(DetailKinds.ActivityPrefix + "resolved", "", Day(resolvedAt));
        if (f.FirstBreachedAt is { } breachedAt) Add(DetailKinds.ActivityPrefix + "breached", "", Day(breachedAt));
        return (figures, details);
    }
}
