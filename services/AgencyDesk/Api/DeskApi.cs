using Lapor.AgencyDesk.Domain;
using Lapor.AgencyDesk.Persistence;
using Lapor.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lapor.AgencyDesk.Api;

public static class DeskApi
{
    public static IEndpointRouteBuilder MapDeskApi(this IEndpointRouteBuilder app)
    {
        var desk = app.MapGroup("/api/desk").WithTags("Agency desk");
        desk.MapGet("/inbox", Inbox).WithName("Inbox").WithSummary("The reports routed to an agency, soonest deadline first.");
        return app;
    }

    public sealed record InboxItem(
        string TrackingId, ReportType Type, Sector Sector, string? Region, string Title, ComplaintStatus Status,
        DateTimeOffset RoutedAt, DateTimeOffset FollowUpDueAt);

    public sealed record InboxPage(string AgencyId, IReadOnlyList<InboxItem> Items);

    // Until the gateway issue brings identity, the agency comes from the query string (the one place that does so).
    public static async Task<Results<Ok<InboxPage>, ValidationProblem>> Inbox(
        string? agencyId, DeskDbContext db, CancellationToken cancellationToken, int limit = 50)
    {
        if (string.IsNullOrWhiteSpace(agencyId))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["agencyId"] = ["Required."] });

        var items = await db.Complaints.AsNoTracking()
            .Where(c => c.AgencyId == agencyId)
            .OrderBy(c => c.FollowUpDueAt).ThenBy(c => c.ComplaintId)
            .Take(Math.Clamp(limit, 1, 200))
            .Select(c => new InboxItem(c.TrackingId, c.Type, c.Sector, c.Region, c.Title, c.Status, c.RoutedAt, c.FollowUpDueAt))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new InboxPage(agencyId, items));
    }
}
