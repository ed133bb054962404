using Lapor.Analytics.Persistence;
using Lapor.ServiceDefaults;
using Lapor.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Analytics.Api;

public static class AnalyticsApi
{
    public static IEndpointRouteBuilder MapAnalyticsApi(this IEndpointRouteBuilder app)
    {
        var analytics = app.MapGroup("/api/analytics").WithTags("Analytics").RequireAuthorization(LaporPolicies.Oversight);
        analytics.MapGet("/summary", Summary).WithName("Summary").WithSummary("Reports counted by status and by sector.");
        return app;
    }

    public sealed record SummaryView(int Total, IReadOnlyDictionary<string, int> ByStatus, IReadOnlyDictionary<string, int> BySector);

    public static async Task<Ok<SummaryView>> Summary(AnalyticsDbContext db, CancellationToken cancellationToken)
    {
        var byStatus = await db.Complaints.GroupBy(c => c.Status)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var bySector = await db.Complaints.Where(c => c.Sector != null).GroupBy(c => c.Sector!.Value)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return TypedResults.Ok(new SummaryView(
            byStatus.Sum(s => s.Count),
            byStatus.ToDictionary(s => LaporJson.WireName(s.Key), s => s.Count),
            bySector.ToDictionary(s => LaporJson.WireName(s.Key), s => s.Count)));
    }
}
