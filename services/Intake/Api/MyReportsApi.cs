using Lapor.Intake.Domain;
using Lapor.Intake.Persistence;
using Lapor.ServiceDefaults.Problems;
using Lapor.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Intake.Api;

/// <summary>
/// "Laporan saya": a signed-in citizen's reports — those filed while signed in, and earlier ones attached with their
/// tracking id and access code — newest first, with status and deadline. Filing without an account keeps working;
/// the account is known to Intake alone (<see cref="Complaint.OwnerKey"/>).
/// </summary>
public static class MyReportsApi
{
    public sealed record MyReport(string TrackingId, string Title, string Status, string StatusLabel, string? AgencyName, DateTimeOffset FiledAt,
        DateTimeOffset? FollowUpDueAt);
    public sealed record AttachRequest(string? TrackingId, string? AccessCode);

    public const int Shown = 100;

    public static IEndpointRouteBuilder MapMyReportsApi(this IEndpointRouteBuilder app)
    {
        var mine = app.MapGroup("/api/complaints/mine").WithTags("Complaints").RequireAuthorization(LaporPolicies.Citizen);
        mine.MapGet("/", List).WithName("MyReports").WithSummary("A signed-in citizen's reports, newest first (at most 100).");
        mine.MapPost("/", Attach).WithName("AttachReport").WithSummary("Attach an earlier report to the signed-in citizen's account with its tracking id and access code.");
        return app;
    }

    public static async Task<Ok<List<MyReport>>> List(HttpContext http, IntakeDbContext db, OwnerKeys keys, CancellationToken cancellationToken)
    {
        var owner = keys.Of(Caller.From(http.User).Subject);
        var english = ProblemLanguage.PrefersEnglish(http.Request);
        var reports = await db.Complaints.AsNoTracking().Where(c => c.OwnerKey == owner).OrderByDescending(c => c.FiledAt).Take(Shown)
            .Select(c => new { c.TrackingId, c.Title, c.Status, c.AgencyName, c.FiledAt, c.FollowUpDueAt }).ToListAsync(cancellationToken);
        return TypedResults.Ok(reports.Select(c => new MyReport(c.TrackingId, c.Title, Lapor.ServiceDefaults.LaporJson.WireName(c.Status),
            TimelineLabels.Of(c.Status, english), c.AgencyName, c.FiledAt, c.FollowUpDueAt)).ToList());
    }

    /// <summary>A wrong code, an unknown id and a report another account holds all answer 404: nothing can be probed.</summary>
    public static async Task<Results<Ok<List<MyReport>>, NotFound, ValidationProblem>> Attach(AttachRequest? request, HttpContext http, IntakeDbContext db,
        AccessCodeGuard guard, OwnerKeys keys, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request?.TrackingId) || string.IsNullOrWhiteSpace(request.AccessCode))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [string.IsNullOrWhiteSpace(request?.TrackingId) ? "trackingId" : "accessCode"] = ["Required."],
            });
        var complaint = await db.Complaints.WithAccessCodeAsync(request.TrackingId.Trim(), request.AccessCode.Trim(), guard, http, cancellationToken);
        if (complaint is null || !complaint.BelongTo(keys.Of(Caller.From(http.User).Subject))) return TypedResults.NotFound();
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok((await List(http, db, keys, cancellationToken)).Value!);
    }
}
