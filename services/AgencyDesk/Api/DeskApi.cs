using Lapor.AgencyDesk.Domain;
using Lapor.AgencyDesk.Persistence;
using Lapor.Contracts;
using Lapor.ServiceDefaults.Security;
using Lapor.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lapor.AgencyDesk.Api;

/// <summary>
/// The agency desk. The agency always comes from the caller's token: a report of another agency is answered
/// 404, exactly like one that does not exist, whatever ids, filters or cursors are sent.
/// </summary>
public static class DeskApi
{
    public static IEndpointRouteBuilder MapDeskApi(this IEndpointRouteBuilder app)
    {
        var desk = app.MapGroup("/api/desk").WithTags("Agency desk").RequireAuthorization(LaporPolicies.AgencyDesk)
            .AddEndpointFilter(OfficersApi.KnowTheCaller);
        desk.MapGet("/inbox", Inbox).WithName("Inbox").WithSummary("The caller's agency's reports: filters, search, keyset paging, counts per status.");
        desk.MapGet("/overview", Overview).WithName("AgencyOverview")
            .WithSummary("Supervisors: the agency's open, unassigned and overdue reports, the oldest waiting, and each officer's load.");
        desk.MapGet("/complaints/{trackingId}", Details).WithName("DeskComplaint").WithSummary("One report with its conversation, notes and route history.");
        return app;
    }

    public static async Task<Results<Ok<InboxPage>, ValidationProblem>> Inbox(
        [AsParameters] InboxQuery query, HttpContext http, DeskDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var caller = Caller.From(http.User);
        var errors = query.Validate();
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        return TypedResults.Ok(await InboxReader.ReadAsync(db, caller, query, clock.GetUtcNow(), cancellationToken));
    }

    public static async Task<Results<Ok<AgencyOverview>, ForbidHttpResult>> Overview(HttpContext http, DeskDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var caller = Caller.From(http.User);
        if (!caller.IsSupervisor) return TypedResults.Forbid();
        return TypedResults.Ok(await AgencyOverviewReader.ReadAsync(db, caller, clock.GetUtcNow(), cancellationToken));
    }

    public static async Task<Results<Ok<DeskComplaintView>, NotFound>> Details(
        string trackingId, HttpContext http, DeskDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var caller = Caller.From(http.User);
        var complaint = await db.Complaints.AsNoTracking()
            .SingleOrDefaultAsync(c => c.TrackingId == trackingId && c.AgencyId == caller.AgencyId, cancellationToken);
        if (complaint is null) return TypedResults.NotFound();
        // Who read what: every opening of a report is recorded for the agency's supervisors and the verifiers.
        db.Reads.Add(ReadRecord.Of(new ReportRead(complaint.ComplaintId, complaint.TrackingId, clock.GetUtcNow(), caller.Subject, caller.Role,
            caller.AgencyId, ReportRead.Report), complaint.AgencyId));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(DeskComplaintView.From(complaint, await DuplicatesAsync(db, complaint, cancellationToken)));
    }

    /// <summary>The other reports of the same matter in the same agency's inbox (never another agency's), oldest first.</summary>
    private static async Task<IReadOnlyList<DuplicateReport>> DuplicatesAsync(DeskDbContext db, DeskComplaint complaint, CancellationToken cancellationToken)
    {
        var cluster = complaint.ClusterId ?? complaint.ComplaintId;
        return await db.Complaints.AsNoTracking()
            .Where(c => c.AgencyId == complaint.AgencyId && c.ComplaintId != complaint.ComplaintId && (c.ClusterId == cluster || c.ComplaintId == cluster))
            .OrderBy(c => c.FiledAt).Take(50)
            .Select(c => new DuplicateReport(c.TrackingId, c.Title, c.Status, c.FiledAt))
            .ToListAsync(cancellationToken);
    }
}
