using Lapor.Triage.Workers;
using Lapor.Contracts;
using Lapor.ServiceDefaults.Security;
using Lapor.Triage.Domain;
using Lapor.Triage.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Triage.Api;

/// <summary>The LAPOR! admin desk: reports triage would not guess, routed or archived by a person.</summary>
public static class VerificationApi
{
    public static IEndpointRouteBuilder MapVerificationApi(this IEndpointRouteBuilder app)
    {
        var queue = app.MapGroup("/api/triage/queue").WithTags("Verification").RequireAuthorization(LaporPolicies.Verifier);
        queue.MapGet("/", Pending).WithName("VerificationQueue").WithSummary("Reports waiting for a verifier, oldest first, with the classifier's suggestion.");
        queue.MapPost("/{trackingId}/route", Route).WithName("VerifyAndRoute").WithSummary("Route a waiting report; the decision is kept as a training example.");
        queue.MapPost("/{trackingId}/postpone", Postpone).WithName("Postpone")
            .WithSummary("Tunda: hold the report and ask the reporter for what is missing; it returns when they answer.");
        queue.MapPost("/{trackingId}/archive", Archive).WithName("Archive").WithSummary("Archive a waiting report with a reason.");
        app.MapPost("/api/triage/complaints/{trackingId}/route", ChangeRoute).WithTags("Verification").RequireAuthorization(LaporPolicies.Verifier)
            .WithName("ChangeRoute").WithSummary("Route an already routed report elsewhere, with a reason; kept as a training example.");
        app.MapPost("/api/triage/model/retrain", Retrain).WithTags("Verification").RequireAuthorization(LaporPolicies.Verifier)
            .WithSummary("Retrain the classifier now, with every correction so far.");
        return app;
    }

    public sealed record PendingReport(string TrackingId, string Title, string Text, string? Region, DateTimeOffset FiledAt,
        DateTimeOffset VerificationDueAt, RoutingDecision Suggestion);

    public sealed record RouteRequest(string? AgencyId, Sector? Sector, ReportType? Type, string? Reason = null);

    public sealed record ChangeRouteRequest(string? AgencyId, Sector? Sector, string? Reason);

    public sealed record ArchiveRequest(string? Reason);

    public sealed record PostponeRequest(string? Question);

    /// <summary>Reports to verify, oldest first; <c>postponed=true</c> lists those on hold for the reporter instead.</summary>
    public static async Task<Ok<List<PendingReport>>> Pending(TriageDbContext db, TriageModel model, CancellationToken cancellationToken, int limit = 50,
        bool postponed = false)
    {
        var router = await model.GetRouterAsync(db, cancellationToken);
        var waiting = await db.Complaints.AsNoTracking().Where(c => c.RoutedAt == null && c.ArchivedAt == null && (c.PostponedAt != null) == postponed)
            .OrderBy(c => c.FiledAt).Take(Math.Clamp(limit, 1, 200)).ToListAsync(cancellationToken);
        return TypedResults.Ok(waiting.Select(c => new PendingReport(c.TrackingId, c.Title, c.Text, c.Region, c.FiledAt, c.VerificationDueAt,
            router.Decide(new TriageInput(c.Title, c.Text, c.Region))) ).ToList());
    }

    public static async Task<Results<Ok, NotFound, ValidationProblem>> Route(
        string trackingId, [FromBody] RouteRequest? request, HttpContext http, TriageDbContext db, WorkingCalendar calendar, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var complaint = await db.Complaints.SingleOrDefaultAsync(c => c.TrackingId == trackingId, cancellationToken);
        if (complaint is null) return TypedResults.NotFound();
        if (await RoutableAgencyAsync(db, request?.AgencyId, cancellationToken) is not { } agency) return NotAnAgency();

        var now = clock.GetUtcNow();
        var sector = request!.Sector ?? complaint.SectorFor(agency);
        var type = request.Type ?? complaint.Type;
        db.AddToOutbox(complaint.Verify(agency, sector, type, calendar, now, Caller.From(http.User).Subject, request.Reason?.Trim()));
        db.Corrections.Add(Correction.Of(complaint, now));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok();
    }

    public static async Task<Results<Ok, NotFound, ValidationProblem>> ChangeRoute(
        string trackingId, [FromBody] ChangeRouteRequest? request, HttpContext http, TriageDbContext db, WorkingCalendar calendar, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (request?.Reason?.Trim() is not { Length: >= 5 and <= 500 } reason)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = ["Why the route changes: 5 to 500 characters."] });
        var complaint = await db.Complaints.SingleOrDefaultAsync(c => c.TrackingId == trackingId, cancellationToken);
        if (complaint is null) return TypedResults.NotFound();
        if (await RoutableAgencyAsync(db, request.AgencyId, cancellationToken) is not { } agency) return NotAnAgency();

        var now = clock.GetUtcNow();
        var sector = request.Sector ?? complaint.SectorFor(agency);
        db.AddToOutbox(complaint.ChangeRoute(agency, sector, calendar, now, Caller.From(http.User).Subject, reason));
        db.Corrections.Add(Correction.Of(complaint, now));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok();
    }

    /// <summary>The directory's agency a verifier may route to (any but the admin desk itself); null otherwise.</summary>
    private static async Task<Agency?> RoutableAgencyAsync(TriageDbContext db, string? agencyId, CancellationToken cancellationToken) =>
        agencyId is null || agencyId == Agency.AdminDesk ? null : await db.Agencies.FindAsync([agencyId], cancellationToken);

    private static ValidationProblem NotAnAgency() =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["agencyId"] = ["An agency of the directory (not the admin desk)."] });

    public static async Task<Results<Ok, NotFound, ValidationProblem>> Archive(
        string trackingId, [FromBody] ArchiveRequest? request, HttpContext http, TriageDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request?.Reason) || request.Reason.Trim().Length < 5)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = ["Say why (spam, duplicate, not a public-service matter...)."] });
        var complaint = await db.Complaints.SingleOrDefaultAsync(c => c.TrackingId == trackingId, cancellationToken);
        if (complaint is null) return TypedResults.NotFound();
        db.AddToOutbox(complaint.Archive(request.Reason.Trim(), Caller.From(http.User).Subject, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok();
    }

    public static async Task<Results<Ok, NotFound, ValidationProblem>> Postpone(
        string trackingId, [FromBody] PostponeRequest? request, TriageDbContext db, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        if (request?.Question?.Trim() is not { Length: >= 10 and <= 2000 } question)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["question"] = ["What should the reporter add? 10 to 2,000 characters."] });
        var complaint = await db.Complaints.SingleOrDefaultAsync(c => c.TrackingId == trackingId, cancellationToken);
        if (complaint is null) return TypedResults.NotFound();
        var adminDesk = await db.Agencies.SingleAsync(a => a.Id == Agency.AdminDesk, cancellationToken);
        db.AddToOutbox(complaint.Postpone(adminDesk, question, clock.GetUtcNow(), Caller.From(http.User).Subject));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok();
    }

    public static async Task<Ok<RetrainResult>> Retrain(TriageDbContext db, TriageModel model, CancellationToken cancellationToken)
    {
        model.Invalidate();
        var router = await model.GetRouterAsync(db, cancellationToken);
        return TypedResults.Ok(new RetrainResult(router.Classifier.Examples));
    }

    public sealed record RetrainResult(int Examples);
}
