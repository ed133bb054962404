using Lapor.Analytics.Domain;
using Lapor.Analytics.Persistence;
using Lapor.Contracts.Reference;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Analytics.Api;

/// <summary>
/// Which cells a question reads: a span of days (WIB, both ends included), a sector, an agency, and a region with
/// the regions under it. <see cref="Scope"/> is the caller's own region (from the token) and always applies.
/// </summary>
public sealed record Slice(int? FromDay = null, int? ToDay = null, string? Sector = null, string? AgencyId = null, string? Region = null, string? Scope = null);

/// <summary>How a table groups its rows.</summary>
public enum Dimension { Agency, Sector, Village, District, Regency, Province, National }

/// <summary>The oversight questions, answered from the pre-aggregated cells only (never by reading reports).</summary>
public static class OversightQueries
{
    /// <summary>
    /// The cells of a slice: month cells for the whole months it covers, day cells for its ragged ends
    /// (or only day cells when <paramref name="daily"/>, for a series that needs every day).
    /// </summary>
    public static IQueryable<T> In<T>(this IQueryable<T> cells, Slice slice, bool daily = false) where T : class, ICell
    {
        cells = daily ? Days(cells, slice.FromDay, slice.ToDay) : Period(cells, slice.FromDay, slice.ToDay);
        if (slice.Sector is { } sector) cells = cells.Where(c => c.Sector == sector);
        if (slice.AgencyId is { } agency) cells = cells.Where(c => c.AgencyId == agency);
        foreach (var region in new[] { slice.Scope, slice.Region })
            if (region is not null)
            {
                var under = region + ".";
                cells = cells.Where(c => c.Region == region || c.Region.StartsWith(under));
            }
        return cells;
    }

    private static IQueryable<T> Days<T>(IQueryable<T> cells, int? from, int? to) where T : class, ICell
    {
        cells = cells.Where(c => c.Grain == Grains.Day);
        if (from is { } first) cells = cells.Where(c => c.Day >= first);
        if (to is { } last) cells = cells.Where(c => c.Day <= last);
        return cells;
    }

    private static IQueryable<T> Period<T>(IQueryable<T> cells, int? from, int? to) where T : class, ICell
    {
        // Whole months: those starting on or after `from` and ending on or before `to`.
        var firstMonth = from is { } f ? (Grains.MonthOf(f) == f ? f : DateOnly.FromDayNumber(Grains.MonthOf(f)).AddMonths(1).DayNumber) : int.MinValue;
        var afterLastMonth = to is { } t ? Grains.MonthOf(t + 1) : int.MaxValue;
        if (firstMonth >= afterLastMonth) return Days(cells, from, to);

        var head = from ?? firstMonth;
        var tail = to ?? int.MinValue;
        return cells.Where(c =>
            (c.Grain == Grains.Month && c.Day >= firstMonth && c.Day < afterLastMonth)
            || (c.Grain == Grains.Day && ((c.Day >= head && c.Day < firstMonth) || (c.Day >= afterLastMonth && c.Day <= tail))));
    }

    public static async Task<IReadOnlyList<PerformanceRow>> TableAsync(AnalyticsDbContext db, Slice slice, Dimension dimension, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        // Group in SQL by the dimension's own column only (the others folded to ""): the fewest rows leave the database.
        bool byAgency = dimension == Dimension.Agency, bySector = dimension == Dimension.Sector, byRegion = dimension is Dimension.Village or Dimension.District or Dimension.Regency or Dimension.Province;
        var figures = await db.Figures.AsNoTracking().In(slice)
            .GroupBy(c => new { AgencyId = byAgency ? c.AgencyId : "", Sector = bySector ? c.Sector : "", Region = byRegion ? c.Region : "" })
            .Select(g => new DailyFigures
            {
                AgencyId = g.Key.AgencyId, Sector = g.Key.Sector, Region = g.Key.Region,
                Filed = g.Sum(c => c.Filed), Open = g.Sum(c => c.Open), Verified = g.Sum(c => c.Verified),
                VerifiedInTime = g.Sum(c => c.VerifiedInTime), VerificationMissed = g.Sum(c => c.VerificationMissed),
                Routed = g.Sum(c => c.Routed), Responded = g.Sum(c => c.Responded), AnsweredInTime = g.Sum(c => c.AnsweredInTime),
                AnsweredLate = g.Sum(c => c.AnsweredLate), Resolved = g.Sum(c => c.Resolved), Forwarded = g.Sum(c => c.Forwarded),
                Breaches = g.Sum(c => c.Breaches), Rated = g.Sum(c => c.Rated), RatingSum = g.Sum(c => c.RatingSum), Reopened = g.Sum(c => c.Reopened),
            })
            .ToListAsync(cancellationToken);

        // Unanswered reports only as "deadline passed" or not; latency histograms bucket by bucket.
        var currentHour = FactCells.CurrentHour(now);
        var deadlines = DetailKinds.Deadlines;
        string[] kinds = [.. deadlines, DetailKinds.FirstResponse, DetailKinds.Verification, DetailKinds.Resolution];
        var details = await db.Details.AsNoTracking().In(slice)
            .Where(c => kinds.Contains(c.Kind))
            .GroupBy(c => new
            {
                AgencyId = byAgency ? c.AgencyId : "", Sector = bySector ? c.Sector : "", Region = byRegion ? c.Region : "", c.Kind,
                Value = deadlines.Contains(c.Kind) ? (string.Compare(c.Value, currentHour) <= 0 ? "past" : "ahead")
                    : c.Value,
            })
            .Select(g => new DailyDetail { AgencyId = g.Key.AgencyId, Sector = g.Key.Sector, Region = g.Key.Region, Kind = g.Key.Kind, Value = g.Key.Value, Count = g.Sum(c => c.Count) })
            .ToListAsync(cancellationToken);

        var key = KeyOf(dimension);
        var detailsByKey = details.Where(d => key(d) is not null).ToLookup(d => key(d)!);
        // A group whose reports all moved elsewhere (a forward) sums to nothing: it is no row, as after a rebuild.
        return figures.Where(f => key(f) is not null && f.Filed != 0)
            .GroupBy(f => key(f)!)
            .Select(g => OversightReports.Row(g.Key, g, detailsByKey[g.Key]))
            .OrderByDescending(r => r.Received).ThenBy(r => r.Key, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>A cell's row in a table of this dimension; null leaves it out (a report not routed yet has no agency).</summary>
    private static Func<ICell, string?> KeyOf(Dimension dimension) => dimension switch
    {
        Dimension.Agency => c => c.AgencyId is "" ? null : c.AgencyId,
        Dimension.Sector => c => c.Sector is "" ? null : c.Sector,
        // A report may name a kecamatan or a desa: it counts in its own row and in every larger region's.
        Dimension.Village => c => Regions.Find(c.Region) is { Level: RegionLevel.Desa } village ? village.Code : null,
        Dimension.District => c => Regions.Find(c.Region)?.DistrictCode,
        Dimension.Regency => c => c.Region is "" ? null : Regions.Find(c.Region)?.RegencyCode ?? c.Region,
        Dimension.Province => c => c.Region is "" ? null : Regions.Find(c.Region)?.ProvinceCode ?? c.Region,
        _ => _ => "nasional",
    };

    /// <summary>What every agency that held reports routed since <paramref name="since"/> did with them (<see cref="AgencyHolding"/>).</summary>
    public sealed record HeldReports(string AgencyId, long Received, double? AnsweredInTimePercent, long Forwarded, long NotOurs);

    public static async Task<IReadOnlyList<HeldReports>> HoldingsAsync(AnalyticsDbContext db, DateTimeOffset since, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var holdings = await db.Holdings.AsNoTracking().Where(h => h.RoutedAt >= since).ToListAsync(cancellationToken);
        return holdings.GroupBy(h => h.AgencyId).Select(g =>
        {
            var judged = g.Select(h => h.InTime(now)).Where(t => t is not null).ToList();
            return new HeldReports(g.Key, g.Count(), judged.Count == 0 ? null : Math.Round(100.0 * judged.Count(t => t == true) / judged.Count, 1),
                g.Count(h => h.ForwardedAt is not null), g.Count(h => h.NotOurs));
        }).ToList();
    }

    public sealed record SummaryView(long Total, IReadOnlyDictionary<string, long> ByStatus, IReadOnlyDictionary<string, long> BySector,
        IReadOnlyDictionary<string, long> ByType, IReadOnlyDictionary<string, long> ByChannel);

    public static async Task<SummaryView> SummaryAsync(AnalyticsDbContext db, Slice slice, CancellationToken cancellationToken)
    {
        var bySector = await db.Figures.AsNoTracking().In(slice).GroupBy(c => c.Sector)
            .Select(g => new { g.Key, Count = g.Sum(c => c.Filed) }).ToListAsync(cancellationToken);
        string[] kinds = [DetailKinds.Status, DetailKinds.Type, DetailKinds.Channel];
        var byKind = (await db.Details.AsNoTracking().In(slice).Where(c => kinds.Contains(c.Kind)).GroupBy(c => new { c.Kind, c.Value })
            .Select(g => new { g.Key.Kind, g.Key.Value, Count = g.Sum(c => c.Count) }).ToListAsync(cancellationToken))
            .Where(r => r.Count != 0).ToLookup(r => r.Kind);
        IReadOnlyDictionary<string, long> Of(string kind) => byKind[kind].ToDictionary(r => r.Value, r => r.Count);
        return new SummaryView(bySector.Sum(s => s.Count), Of(DetailKinds.Status),
            bySector.Where(s => s.Key != "" && s.Count != 0).ToDictionary(s => s.Key, s => s.Count), Of(DetailKinds.Type), Of(DetailKinds.Channel));
    }

    /// <summary>A matter many citizens raise: its first report, how many reports repeat it, and how many citizens support them.</summary>
    public sealed record Hotspot(string TrackingId, string? Region, string? Sector, string? AgencyId, long Reports, long Supports);

    /// <summary>
    /// The matters the most citizens filed reports about (clusters of duplicate reports), then the most supported. Reports
    /// rank first: each is a filing, limited per address and checked by triage, while a support is one tap.
    /// </summary>
    public static async Task<IReadOnlyList<Hotspot>> HotspotsAsync(AnalyticsDbContext db, Slice slice, int limit, CancellationToken cancellationToken)
    {
        string[] kinds = [DetailKinds.Cluster, DetailKinds.Support];
        var sums = await db.Details.AsNoTracking().In(slice).Where(c => kinds.Contains(c.Kind))
            .GroupBy(c => new { c.Value, c.Kind }).Select(g => new { g.Key.Value, g.Key.Kind, Count = g.Sum(c => c.Count) })
            .ToListAsync(cancellationToken);
        var top = sums.Where(s => s.Count != 0).GroupBy(s => s.Value)
            .Select(g => (Cluster: Guid.ParseExact(g.Key, "N"),
                Reports: 1 + g.Where(s => s.Kind == DetailKinds.Cluster).Sum(s => s.Count),
                Supports: g.Where(s => s.Kind == DetailKinds.Support).Sum(s => s.Count)))
            .OrderByDescending(h => h.Reports).ThenByDescending(h => h.Supports).ThenBy(h => h.Cluster)
            .Take(limit).ToList();
        var ids = top.Select(h => h.Cluster).ToList();
        var firsts = await db.Complaints.AsNoTracking().Where(f => ids.Contains(f.ComplaintId))
            .ToDictionaryAsync(f => f.ComplaintId, cancellationToken);
        return top.Where(h => firsts.ContainsKey(h.Cluster)).Select(h =>
        {
            var first = firsts[h.Cluster];
            return new Hotspot(first.TrackingId, first.Region, first.Sector is { } sector ? Lapor.ServiceDefaults.LaporJson.WireName(sector) : null,
                first.AgencyId, h.Reports, h.Supports);
        }).ToList();
    }

    public sealed record Point(DateOnly Start, long Count);

    /// <summary>A metric counted on the day it happened (filed, routed, responded, resolved, breached), per day or per ISO week.</summary>
    public static async Task<IReadOnlyList<Point>> SeriesAsync(AnalyticsDbContext db, Slice slice, string metric, bool weekly, CancellationToken cancellationToken)
    {
        var kind = DetailKinds.ActivityPrefix + metric;
        var perDay = await db.Details.AsNoTracking().In(slice, daily: true).Where(c => c.Kind == kind).GroupBy(c => c.Day)
            .Select(g => new { Day = g.Key, Count = g.Sum(c => c.Count) }).ToDictionaryAsync(d => d.Day, d => d.Count, cancellationToken);
        var points = new List<Point>();
        for (var day = slice.FromDay!.Value; day <= slice.ToDay!.Value; day++)
        {
            var date = DateOnly.FromDayNumber(day);
            var start = weekly ? date.AddDays(-(((int)date.DayOfWeek + 6) % 7)) : date;
            if (points.Count == 0 || points[^1].Start != start) points.Add(new Point(start, 0));
            points[^1] = points[^1] with { Count = points[^1].Count + perDay.GetValueOrDefault(day) };
        }
        return points;
    }
}
