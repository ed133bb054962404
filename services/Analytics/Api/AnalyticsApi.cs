using Lapor.Analytics.Domain;
using Lapor.Analytics.Persistence;
using Lapor.Contracts;
using Lapor.Contracts.Reference;
using Lapor.ServiceDefaults;
using Lapor.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Analytics.Api;

/// <summary>
/// The oversight view, answered from pre-aggregated cells. A regional oversight user (token with a <c>region</c>
/// claim) sees only reports of that region and the regions under it; a national one sees all. Every table answers
/// CSV with <c>Accept: text/csv</c> or <c>?format=csv</c>. Days are WIB dates, both ends included.
/// </summary>
public static class AnalyticsApi
{
    public static IEndpointRouteBuilder MapAnalyticsApi(this IEndpointRouteBuilder app)
    {
        var analytics = app.MapGroup("/api/analytics").WithTags("Analytics").RequireAuthorization(LaporPolicies.Oversight);
        analytics.MapGet("/summary", Summary).WithName("Summary").WithSummary("Reports counted by status, sector, type and channel.");
        analytics.MapGet("/agencies", ([AsParameters] Filter f, HttpContext h, AnalyticsDbContext db, TimeProvider c, CancellationToken t) => Table(f, Dimension.Agency, "agency", h, db, c, t))
            .WithName("AgencyPerformance").WithSummary("Backlog, deadlines, speed and quality per agency.");
        analytics.MapGet("/sectors", ([AsParameters] Filter f, HttpContext h, AnalyticsDbContext db, TimeProvider c, CancellationToken t) => Table(f, Dimension.Sector, "sector", h, db, c, t))
            .WithName("SectorPerformance").WithSummary("Backlog, deadlines, speed and quality per sector.");
        analytics.MapGet("/regions", Regions).WithName("RegionPerformance")
            .WithSummary("Per kabupaten/kota (level=kabupaten, default), per province (level=provinsi) or one national row (level=nasional).");
        analytics.MapGet("/provinces", ([AsParameters] Filter f, HttpContext h, AnalyticsDbContext db, TimeProvider c, CancellationToken t) => Table(f, Dimension.Province, "province", h, db, c, t))
            .WithName("ProvincePerformance").WithSummary("Per province, kabupaten and kota rolled up.");
        analytics.MapGet("/timeseries", Timeseries).WithName("Timeseries")
            .WithSummary("filed, routed, responded, resolved or breached, counted on the day it happened, per day or week.");
        analytics.MapGet("/hotspots", Hotspots).WithName("Hotspots")
            .WithSummary("Matters raised by many reports (duplicate clusters), the most supported first.");
        analytics.MapGet("/trend", Trend).WithName("Trend").WithSummary("Reports filed per day (WIB), the last N days (default 30, at most 366).");
        analytics.MapPost("/rebuild", Rebuild).WithName("Rebuild").WithSummary("Rebuild every read model from the kept events.")
            .RequireAuthorization(LaporPolicies.Verifier);

        app.MapGet("/api/analytics/public/agencies", Scorecards).WithTags("Analytics").AllowAnonymous().WithName("PublicScorecards")
            .WithSummary("Each agency's handling of reports over the last 90 days, for everyone (UU 25/2009 art. 23).");
        return app;
    }

    /// <summary>The common query: period, sector, agency, region, CSV.</summary>
    public sealed record Filter(DateOnly? From, DateOnly? To, string? Sector, string? Agency, string? Region, string? Format)
    {
        /// <summary>The dates a question may name: no report is older, and the ends of the calendar overflow the day arithmetic.</summary>
        private static readonly DateOnly Earliest = new(2000, 1, 1), Latest = new(2199, 12, 31);

        public Dictionary<string, string[]> Validate()
        {
            var errors = new Dictionary<string, string[]>();
            if (From is { } from && (from < Earliest || from > Latest)) errors["from"] = [$"A date from {Earliest:yyyy-MM-dd} to {Latest:yyyy-MM-dd}."];
            if (To is { } to && (to < Earliest || to > Latest)) errors["to"] = [$"A date from {Earliest:yyyy-MM-dd} to {Latest:yyyy-MM-dd}."];
            if (From > To) errors["from"] = ["Must not be after 'to'."];
            if (Sector is not null && LaporJson.FromWireName<Sector>(Sector) is null) errors["sector"] = ["Unknown sector."];
            if (Region is not null && Contracts.Reference.Regions.Find(Region) is null) errors["region"] = ["Unknown region code."];
            if (Format is not null and not "csv" and not "json") errors["format"] = ["csv or json."];
            return errors;
        }

        public Slice Slice(HttpContext http) =>
            new(From?.DayNumber, To?.DayNumber, Sector, Agency, Region, Caller.From(http.User).Region);

        public bool WantsCsv(HttpContext http) =>
            Format == "csv" || (Format is null && http.Request.Headers.Accept.Any(a => a?.Contains("text/csv") == true));
    }

    public static async Task<IResult> Summary([AsParameters] Filter filter, HttpContext http, AnalyticsDbContext db, CancellationToken cancellationToken)
    {
        if (filter.Validate() is { Count: > 0 } errors) return TypedResults.ValidationProblem(errors);
        var summary = await OversightQueries.SummaryAsync(db, filter.Slice(http), cancellationToken);
        if (!filter.WantsCsv(http)) return TypedResults.Ok(summary);
        var rows = new[] { ("status", summary.ByStatus), ("sector", summary.BySector), ("type", summary.ByType), ("channel", summary.ByChannel) }
            .SelectMany(d => d.Item2.Select(kv => new object?[] { d.Item1, kv.Key, kv.Value }));
        return Csv(CsvTable.Write(["dimension", "value", "reports"], rows));
    }

    public static Task<IResult> Regions([AsParameters] Filter filter, HttpContext http, AnalyticsDbContext db, TimeProvider clock, CancellationToken cancellationToken,
        string level = "kabupaten") => level switch
    {
        "desa" => Table(filter, Dimension.Village, "region", http, db, clock, cancellationToken),
        "kecamatan" => Table(filter, Dimension.District, "region", http, db, clock, cancellationToken),
        "kabupaten" or "kota" => Table(filter, Dimension.Regency, "region", http, db, clock, cancellationToken),
        "provinsi" => Table(filter, Dimension.Province, "province", http, db, clock, cancellationToken),
        "nasional" => Table(filter, Dimension.National, "national", http, db, clock, cancellationToken),
        _ => Task.FromResult<IResult>(TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["level"] = ["desa, kecamatan, kabupaten, provinsi or nasional."] })),
    };

    private static async Task<IResult> Table(Filter filter, Dimension dimension, string keyName, HttpContext http, AnalyticsDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (filter.Validate() is { Count: > 0 } errors) return TypedResults.ValidationProblem(errors);
        var table = await OversightQueries.TableAsync(db, filter.Slice(http), dimension, clock.GetUtcNow(), cancellationToken);
        var named = dimension == Dimension.Agency;
        if (named)
        {
            var names = await AgencyNamesAsync(db, table.Select(r => r.Key), cancellationToken);
            table = [.. table.Select(row => row with { Name = names.GetValueOrDefault(row.Key) })];
        }
        return filter.WantsCsv(http) ? Csv(OversightReports.ToCsv(table, keyName, named)) : TypedResults.Ok(table);
    }

    private static readonly string[] Metrics = DetailKinds.ActivityMetrics;

    public static async Task<IResult> Timeseries([AsParameters] Filter filter, HttpContext http, AnalyticsDbContext db, TimeProvider clock,
        CancellationToken cancellationToken, string metric = "filed", string granularity = "day")
    {
        var errors = filter.Validate();
        if (!Metrics.Contains(metric)) errors["metric"] = [$"One of {string.Join(", ", Metrics)}."];
        if (granularity is not ("day" or "week")) errors["granularity"] = ["day or week."];
        var to = filter.To ?? Today(clock);
        var from = filter.From ?? to.AddDays(-29);
        if (to.DayNumber - from.DayNumber > 3660) errors["from"] = ["At most ten years at a time."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var series = await OversightQueries.SeriesAsync(db, filter.Slice(http) with { FromDay = from.DayNumber, ToDay = to.DayNumber }, metric,
            granularity == "week", cancellationToken);
        return filter.WantsCsv(http)
            ? Csv(CsvTable.Write(["start", metric], series.Select(p => new object?[] { p.Start, p.Count })))
            : TypedResults.Ok(series);
    }

    public static async Task<IResult> Hotspots([AsParameters] Filter filter, HttpContext http, AnalyticsDbContext db, CancellationToken cancellationToken,
        int limit = 20)
    {
        var errors = filter.Validate();
        if (limit is < 1 or > 200) errors["limit"] = ["1 to 200."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var hotspots = await OversightQueries.HotspotsAsync(db, filter.Slice(http), limit, cancellationToken);
        return filter.WantsCsv(http)
            ? Csv(CsvTable.Write(["tracking_id", "region", "sector", "agency", "reports", "supports"],
                hotspots.Select(h => new object?[] { h.TrackingId, h.Region, h.Sector, h.AgencyId, h.Reports, h.Supports })))
            : TypedResults.Ok(hotspots);
    }

    public sealed record DayCount(DateOnly Day, long Filed);

    public static async Task<Results<Ok<List<DayCount>>, ValidationProblem>> Trend(HttpContext http, AnalyticsDbContext db, TimeProvider clock,
        CancellationToken cancellationToken, int days = 30)
    {
        if (days is < 1 or > 366) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["days"] = ["1 to 366."] });
        var today = Today(clock);
        var slice = new Slice(today.AddDays(1 - days).DayNumber, today.DayNumber, Scope: Caller.From(http.User).Region);
        var series = await OversightQueries.SeriesAsync(db, slice, "filed", weekly: false, cancellationToken);
        return TypedResults.Ok(series.Select(p => new DayCount(p.Start, p.Count)).ToList());
    }

    /// <summary>What citizens may see of each agency: counts and speed, never a report's text or a reporter (names come from the directory).</summary>
    /// <summary>
    /// An agency's public scorecard over the last 90 days. <see cref="Received"/>, <see cref="AnsweredInTimePercent"/>,
    /// <see cref="Forwarded"/> and <see cref="NotOurs"/> count every report the agency held (by the day it was routed
    /// there), whether it still holds it or passed it on; the median and the rating are of the reports it holds now.
    /// </summary>
    public sealed record Scorecard(string AgencyId, long Received, double? AnsweredInTimePercent, double? MedianHoursToFirstResponse, double? AverageRating,
        long Forwarded, long NotOurs, string? Name);

    public static async Task<IResult> Scorecards(HttpContext http, AnalyticsDbContext db, TimeProvider clock, CancellationToken cancellationToken, string? format = null)
    {
        var today = Today(clock);
        var now = clock.GetUtcNow();
        var table = (await OversightQueries.TableAsync(db, new Slice(today.AddDays(-89).DayNumber, today.DayNumber), Dimension.Agency, now, cancellationToken))
            .ToDictionary(r => r.Key);
        var held = await OversightQueries.HoldingsAsync(db, now.AddDays(-90), now, cancellationToken);
        var names = await AgencyNamesAsync(db, held.Select(h => h.AgencyId), cancellationToken);
        var cards = held.Select(h => new Scorecard(h.AgencyId, h.Received, h.AnsweredInTimePercent,
                table.GetValueOrDefault(h.AgencyId)?.MedianHoursToFirstResponse, table.GetValueOrDefault(h.AgencyId)?.AverageRating, h.Forwarded, h.NotOurs,
                names.GetValueOrDefault(h.AgencyId)))
            .OrderByDescending(c => c.Received).ThenBy(c => c.AgencyId, StringComparer.Ordinal).ToList();
        return new Filter(null, null, null, null, null, format).WantsCsv(http)
            ? Csv(CsvTable.Write(["agency", "name", "received", "answered_in_time_percent", "median_hours_to_first_response", "average_rating", "forwarded", "not_ours"],
                cards.Select(c => new object?[] { c.AgencyId, c.Name, c.Received, c.AnsweredInTimePercent, c.MedianHoursToFirstResponse, c.AverageRating, c.Forwarded, c.NotOurs })))
            : TypedResults.Ok(cards);
    }

    public static async Task<Ok<RebuildResult>> Rebuild(AnalyticsDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await Projection.RebuildAsync(db, cancellationToken));

    /// <summary>The directory's names of the agencies a table shows (and only those: the national directory has thousands).</summary>
    private static Task<Dictionary<string, string>> AgencyNamesAsync(AnalyticsDbContext db, IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToList();
        return db.Agencies.AsNoTracking().Where(a => wanted.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
    }

    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDayNumber(FactCells.Day(clock.GetUtcNow()));

    private static IResult Csv(string text) => TypedResults.Text(text, "text/csv; charset=utf-8");
}
