using Lapor.Contracts.Reference;
using Lapor.Analytics.Domain;
using Lapor.Analytics.Persistence;
using Lapor.ServiceDefaults;
using Lapor.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Analytics.Api;

/// <summary>
/// The oversight view. A regional oversight user (token with a <c>region</c> claim) sees only reports of that
/// region and the regions under it; a national one sees all. Every table answers CSV with
/// <c>Accept: text/csv</c> or <c>?format=csv</c>.
/// </summary>
public static class AnalyticsApi
{
    public static IEndpointRouteBuilder MapAnalyticsApi(this IEndpointRouteBuilder app)
    {
        var analytics = app.MapGroup("/api/analytics").WithTags("Analytics").RequireAuthorization(LaporPolicies.Oversight);
        analytics.MapGet("/summary", Summary).WithName("Summary").WithSummary("Reports counted by status and by sector.");
        analytics.MapGet("/agencies", Agencies).WithName("AgencyPerformance").WithSummary("Backlog, deadlines and speed per agency.");
        analytics.MapGet("/sectors", Sectors).WithName("SectorPerformance").WithSummary("Backlog, deadlines and speed per sector.");
        analytics.MapGet("/provinces", Provinces).WithName("ProvincePerformance")
            .WithSummary("Backlog, deadlines and speed per province (kabupaten and kota rolled up).");
        analytics.MapGet("/trend", Trend).WithName("Trend").WithSummary("Reports filed per day (WIB), the last N days (default 30, at most 366).");
        analytics.MapPost("/rebuild", Rebuild).WithName("Rebuild").WithSummary("Rebuild every read model from the kept events.")
            .RequireAuthorization(LaporPolicies.Verifier);
        return app;
    }

    public sealed record SummaryView(int Total, IReadOnlyDictionary<string, int> ByStatus, IReadOnlyDictionary<string, int> BySector);

    public sealed record Period(DateTimeOffset? From, DateTimeOffset? To, string? Sector, string? Format);

    public static async Task<Ok<SummaryView>> Summary(HttpContext http, AnalyticsDbContext db, CancellationToken cancellationToken)
    {
        var facts = Scoped(db, http);
        var byStatus = await facts.GroupBy(c => c.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var bySector = await facts.Where(c => c.Sector != null).GroupBy(c => c.Sector!.Value)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return TypedResults.Ok(new SummaryView(
            byStatus.Sum(s => s.Count),
            byStatus.ToDictionary(s => LaporJson.WireName(s.Key), s => s.Count),
            bySector.ToDictionary(s => LaporJson.WireName(s.Key), s => s.Count)));
    }

    public static Task<IResult> Agencies([AsParameters] Period period, HttpContext http, AnalyticsDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        Table(period, http, db, clock, f => f.AgencyId, "agency", cancellationToken);

    public static Task<IResult> Sectors([AsParameters] Period period, HttpContext http, AnalyticsDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        Table(period, http, db, clock, OversightReports.SectorKey, "sector", cancellationToken);

    public static Task<IResult> Provinces([AsParameters] Period period, HttpContext http, AnalyticsDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        Table(period, http, db, clock, f => f.Region is { } code ? Regions.Find(code)?.ProvinceCode ?? code : null, "province", cancellationToken);

    public sealed record DayCount(DateOnly Day, int Filed);

    public static async Task<Results<Ok<List<DayCount>>, ValidationProblem>> Trend(HttpContext http, AnalyticsDbContext db, TimeProvider clock,
        CancellationToken cancellationToken, int days = 30)
    {
        if (days is < 1 or > 366) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["days"] = ["1 to 366."] });
        var wib = TimeSpan.FromHours(7);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(wib).DateTime);
        var first = today.AddDays(1 - days);
        var since = new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), wib);
        var filed = await Scoped(db, http).Where(f => f.FiledAt >= since).Select(f => f.FiledAt!.Value).ToListAsync(cancellationToken);
        var perDay = filed.GroupBy(at => DateOnly.FromDateTime(at.ToOffset(wib).DateTime)).ToDictionary(g => g.Key, g => g.Count());
        return TypedResults.Ok(Enumerable.Range(0, days).Select(i => first.AddDays(i)).Select(day => new DayCount(day, perDay.GetValueOrDefault(day))).ToList());
    }

    private static async Task<IResult> Table(Period period, HttpContext http, AnalyticsDbContext db, TimeProvider clock,
        Func<ComplaintFact, string?> key, string keyName, CancellationToken cancellationToken)
    {
        var facts = Scoped(db, http);
        if (period.From is { } from) facts = facts.Where(f => f.FiledAt >= from);
        if (period.To is { } to) facts = facts.Where(f => f.FiledAt < to);
        var rows = (await facts.ToListAsync(cancellationToken))
            .Where(f => period.Sector is null || OversightReports.SectorKey(f) == period.Sector);
        var table = OversightReports.By(rows, key, clock.GetUtcNow());

        var wantsCsv = period.Format == "csv" || http.Request.Headers.Accept.Any(a => a?.Contains("text/csv") == true);
        return wantsCsv
            ? TypedResults.Text(OversightReports.ToCsv(table, keyName), "text/csv; charset=utf-8")
            : TypedResults.Ok(table);
    }

    public static async Task<Ok<RebuildResult>> Rebuild(AnalyticsDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await Projection.RebuildAsync(db, cancellationToken));

    /// <summary>The caller's slice: everything for national oversight, a region and its sub-regions otherwise.</summary>
    private static IQueryable<ComplaintFact> Scoped(AnalyticsDbContext db, HttpContext http)
    {
        var region = Caller.From(http.User).Region;
        var facts = db.Complaints.AsNoTracking();
        return region is null ? facts : facts.Where(f => f.Region == region || f.Region!.StartsWith(region + "."));
    }
}
