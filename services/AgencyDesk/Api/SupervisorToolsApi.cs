using Lapor.AgencyDesk.Domain;
using Lapor.AgencyDesk.Persistence;
using Lapor.ServiceDefaults;
using Lapor.ServiceDefaults.Persistence;
using Lapor.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lapor.AgencyDesk.Api;

/// <summary>
/// What a supervisor does for many reports at once: assign several to one officer (all or none: one report that cannot
/// be assigned leaves every one as it was), and take the inbox, with the same filters, as CSV for the agency's own
/// reporting.
/// </summary>
public static class SupervisorToolsApi
{
    public const int MaximumAssignments = 100, MaximumExportRows = 10_000;

    public sealed record AssignmentsRequest(List<string>? TrackingIds, string? OfficerId);

    public sealed record AssignmentsResult(string OfficerId, IReadOnlyList<string> Assigned);

    public static IEndpointRouteBuilder MapSupervisorToolsApi(this IEndpointRouteBuilder app)
    {
        var desk = app.MapGroup("/api/desk").WithTags("Agency desk").RequireAuthorization(LaporPolicies.AgencyDesk)
            .AddEndpointFilter(OfficersApi.KnowTheCaller);
        desk.MapPost("/assignments", AssignAsync).WithName("AssignSeveral").WithSummary("Supervisors: assign several reports to one officer, all or none.");
        desk.MapGet("/inbox.csv", ExportAsync).WithName("InboxCsv").WithSummary("Supervisors: the inbox with the same filters as CSV (at most 10,000 rows).");
        return app;
    }

    public static async Task<Results<Ok<AssignmentsResult>, ValidationProblem, ForbidHttpResult>> AssignAsync([FromBody] AssignmentsRequest? request,
        HttpContext http, DeskDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var caller = Caller.From(http.User);
        if (!caller.IsSupervisor) return TypedResults.Forbid();
        var ids = request?.TrackingIds?.Where(id => !string.IsNullOrWhiteSpace(id)).Select(id => id.Trim().ToUpperInvariant()).Distinct().ToList() ?? [];
        var errors = new Dictionary<string, string[]>();
        if (ids.Count is 0 or > MaximumAssignments) errors["trackingIds"] = [$"1 to {MaximumAssignments} tracking ids."];
        if (string.IsNullOrWhiteSpace(request?.OfficerId)) errors["officerId"] = ["Required."];
        else if (!await OfficersApi.IsActiveAsync(db, caller.AgencyId!, request.OfficerId, cancellationToken))
            errors["officerId"] = ["Not an active officer of this agency. A supervisor adds or reactivates officers."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var reports = await db.Complaints.Where(c => c.AgencyId == caller.AgencyId && ids.Contains(c.TrackingId)).ToListAsync(cancellationToken);
        if (ids.Except(reports.Select(r => r.TrackingId)).ToList() is { Count: > 0 } unknown)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["trackingIds"] = [$"Not in this agency's inbox: {string.Join(", ", unknown)}."] });
        var now = clock.GetUtcNow();
        foreach (var report in reports)
        {
            var assigned = report.Assign(request!.OfficerId!, byOfficerThemselves: request.OfficerId == caller.Subject, now);
            db.AddToOutbox(assigned);
            if (request.OfficerId != caller.Subject) await db.TellAssignedAsync(report, assigned, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new AssignmentsResult(request!.OfficerId!, [.. reports.Select(r => r.TrackingId).Order()]));
    }

    public static async Task<Results<ContentHttpResult, ValidationProblem, ForbidHttpResult>> ExportAsync([AsParameters] InboxQuery query, HttpContext http,
        DeskDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var caller = Caller.From(http.User);
        if (!caller.IsSupervisor) return TypedResults.Forbid();
        if (query.Validate() is { Count: > 0 } errors) return TypedResults.ValidationProblem(errors);
        var rows = new List<object?[]>();
        var page = query with { Limit = InboxQuery.MaximumLimit, Cursor = null };
        var now = clock.GetUtcNow();
        do
        {
            var read = await InboxReader.ReadAsync(db, caller, page, now, cancellationToken);
            rows.AddRange(read.Items.Select(i => new object?[] { i.TrackingId, LaporJson.WireName(i.Type), LaporJson.WireName(i.Sector), i.Region, i.Title,
                LaporJson.WireName(i.Status), i.AssignedTo, i.RoutedAt, i.FollowUpDueAt, i.Overdue ? "ya" : "tidak" }));
            page = page with { Cursor = read.NextCursor };
        } while (page.Cursor is not null && rows.Count < MaximumExportRows);
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"lapor-{caller.AgencyId}-kotak-masuk.csv\"";
        return TypedResults.Text(CsvTable.Write(["tracking_id", "type", "sector", "region", "title", "status", "assigned_to", "routed_at", "follow_up_due_at", "overdue"],
            rows.Take(MaximumExportRows)), "text/csv; charset=utf-8");
    }
}
