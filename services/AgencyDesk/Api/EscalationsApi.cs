using Lapor.AgencyDesk.Persistence;
using Lapor.Contracts;
using Lapor.ServiceDefaults.Persistence;
using Lapor.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lapor.AgencyDesk.Api;

/// <summary>
/// The escalations that reached the caller's desk: missed deadlines of the offices it coordinates, with the agency,
/// the deadline and how long the report has waited since. The desk chases an agency with a note on the report, takes
/// the report over, or forwards it where it belongs (triage re-routes it; the agency reads why).
/// Verifiers see the national admin desk's at <c>/api/admin/agency-desk/escalations</c>.
/// </summary>
public static class EscalationsApi
{
    public sealed record EscalationView(string TrackingId, string Deadline, string AgencyId, string? AgencyName, DateTimeOffset DueAt,
        DateTimeOffset BreachedAt, double HoursWaiting, string? Status, DateTimeOffset? ChasedAt, string? ChasedBy,
        DateTimeOffset? AcknowledgedAt = null, string? AcknowledgedBy = null);

    /// <summary>Several escalations of the caller's desk marked seen at once.</summary>
    public sealed record AcknowledgeRequest(string[]? TrackingIds);

    public const int MaximumAcknowledged = 100;

    public sealed record ChaseRequest(string? Text);

    /// <summary>A take-over (no <see cref="AgencyId"/>) or a forward to <see cref="AgencyId"/>, with the reason the agency reads.</summary>
    public sealed record RedirectRequest(string? AgencyId, string? Reason);

    public static IEndpointRouteBuilder MapEscalationsApi(this IEndpointRouteBuilder app)
    {
        var desk = app.MapGroup("/api/desk/escalations").WithTags("Agency desk").RequireAuthorization(LaporPolicies.AgencyDesk);
        desk.MapGet("/", (HttpContext http, DeskDbContext db, TimeProvider clock, CancellationToken ct) => ListAsync(Caller.From(http.User).AgencyId!, db, clock, ct))
            .WithName("Escalations").WithSummary("Missed deadlines escalated to the caller's agency, newest first.");
        desk.MapPost("/acknowledge", (AcknowledgeRequest? request, HttpContext http, DeskDbContext db, TimeProvider clock, CancellationToken ct) =>
                AcknowledgeAsync(request, Caller.From(http.User), db, clock, ct))
            .WithName("AcknowledgeEscalations").WithSummary("Supervisors: mark several escalations of the caller's desk seen at once, all or none.");
        desk.MapPost("/{trackingId}/chase", (string trackingId, ChaseRequest request, HttpContext http, DeskDbContext db, TimeProvider clock, CancellationToken ct) =>
                ChaseAsync(trackingId, request, Caller.From(http.User), null, db, clock, ct))
            .WithName("ChaseEscalation").WithSummary("Chase the agency that missed the deadline with a note it reads on the report.");
        desk.MapPost("/{trackingId}/take-over", (string trackingId, RedirectRequest request, HttpContext http, DeskDbContext db, TimeProvider clock, CancellationToken ct) =>
                RedirectAsync(trackingId, request with { AgencyId = null }, Caller.From(http.User), null, db, clock, ct))
            .WithName("TakeOverEscalation").WithSummary("Take the report over from the agency that missed the deadline.");
        desk.MapPost("/{trackingId}/forward", (string trackingId, RedirectRequest request, HttpContext http, DeskDbContext db, TimeProvider clock, CancellationToken ct) =>
                RedirectAsync(trackingId, request, Caller.From(http.User), null, db, clock, ct, forward: true))
            .WithName("ForwardEscalation").WithSummary("Forward the report from the agency that missed the deadline to the one it belongs to.");
        var admin = app.MapGroup("/api/admin/agency-desk/escalations").WithTags("Agency desk").RequireAuthorization(LaporPolicies.Verifier);
        admin.MapGet("/", (DeskDbContext db, TimeProvider clock, CancellationToken ct) => ListAsync(SlaBreached.AdminDesk, db, clock, ct))
            .WithName("AdminEscalations").WithSummary("Missed deadlines escalated to the national admin desk.");
        admin.MapPost("/{trackingId}/chase", (string trackingId, ChaseRequest request, HttpContext http, DeskDbContext db, TimeProvider clock, CancellationToken ct) =>
                ChaseAsync(trackingId, request, Caller.From(http.User), SlaBreached.AdminDesk, db, clock, ct))
            .WithName("AdminChaseEscalation").WithSummary("Chase the agency that missed the deadline, from the national admin desk.");
        admin.MapPost("/{trackingId}/forward", (string trackingId, RedirectRequest request, HttpContext http, DeskDbContext db, TimeProvider clock, CancellationToken ct) =>
                RedirectAsync(trackingId, request, Caller.From(http.User), SlaBreached.AdminDesk, db, clock, ct, forward: true))
            .WithName("AdminForwardEscalation").WithSummary("Forward the report from the agency that missed the deadline, from the national admin desk.");
        return app;
    }

    private static async Task<Ok<List<EscalationView>>> ListAsync(string desk, DeskDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var items = await db.Escalations.AsNoTracking().Where(e => e.EscalatedTo == desk).OrderByDescending(e => e.Id).Take(200)
            .Select(e => new { e, Report = db.Complaints.Where(c => c.ComplaintId == e.ComplaintId).Select(c => new { c.AgencyName, c.Status }).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(items.Select(i => new EscalationView(i.e.TrackingId, i.e.Deadline, i.e.AgencyId, i.Report?.AgencyName, i.e.DueAt, i.e.BreachedAt,
            Math.Round((now - i.e.DueAt).TotalHours, 1), i.Report is null ? null : Lapor.ServiceDefaults.LaporJson.WireName(i.Report.Status), i.e.ChasedAt, i.e.ChasedBy,
            i.e.AcknowledgedAt, i.e.AcknowledgedBy)).ToList());
    }

    /// <summary>Marks the listed escalations of the caller's desk seen; a tracking id with no escalation there changes nothing (400 naming it).</summary>
    private static async Task<Results<Ok<List<string>>, ValidationProblem, ForbidHttpResult>> AcknowledgeAsync(AcknowledgeRequest? request, Caller caller,
        DeskDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!caller.IsSupervisor) return TypedResults.Forbid();
        if (request?.TrackingIds is not { Length: > 0 and <= MaximumAcknowledged } ids)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["trackingIds"] = [$"1 to {MaximumAcknowledged} tracking ids."] });
        var escalations = await db.Escalations.Where(e => e.EscalatedTo == caller.AgencyId && ids.Contains(e.TrackingId)).ToListAsync(cancellationToken);
        if (ids.Except(escalations.Select(e => e.TrackingId)).ToList() is { Count: > 0 } unknown)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["trackingIds"] = [$"No escalation at this desk for: {string.Join(", ", unknown)}."] });
        var now = clock.GetUtcNow();
        foreach (var escalation in escalations) escalation.Acknowledge(caller.Subject, now);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(escalations.Select(e => e.TrackingId).Distinct().Order().ToList());
    }

    /// <summary>Takes over (to <paramref name="desk"/>, or the caller's own agency's desk when it is null) or, with <paramref name="forward"/>, forwards.</summary>
    private static async Task<Results<Ok, NotFound, ValidationProblem>> RedirectAsync(string trackingId, RedirectRequest request, Caller caller, string? desk,
        DeskDbContext db, TimeProvider clock, CancellationToken cancellationToken, bool forward = false)
    {
        desk ??= caller.AgencyId!;
        var errors = new Dictionary<string, string[]>();
        if (request.Reason?.Trim() is not { Length: >= 10 and <= 2000 }) errors["reason"] = ["Say why, 10 to 2,000 characters."];
        if (forward && request.AgencyId?.Trim() is not { Length: > 0 and <= 64 }) errors["agencyId"] = ["The agency the report belongs to."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var escalation = await db.Escalations.Where(e => e.EscalatedTo == desk && e.TrackingId == trackingId.ToUpperInvariant())
            .OrderByDescending(e => e.Id).FirstOrDefaultAsync(cancellationToken);
        var report = escalation is null ? null : await db.Complaints.FindAsync([escalation.ComplaintId], cancellationToken);
        if (escalation is null || report is null) return TypedResults.NotFound();
        db.AddToOutbox(escalation.Redirect(report, desk, caller.Subject, forward ? request.AgencyId!.Trim() : null, request.Reason!.Trim(), clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok();
    }

    /// <summary>Chases from <paramref name="desk"/>, or from the caller's own agency's desk when it is null.</summary>
    private static async Task<Results<Ok, NotFound, ValidationProblem>> ChaseAsync(string trackingId, ChaseRequest request, Caller caller, string? desk,
        DeskDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        desk ??= caller.AgencyId!;
        if (request.Text?.Trim() is not { Length: >= 10 and <= 2000 } text)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["text"] = ["Say what the agency must do, 10 to 2,000 characters."] });
        var escalation = await db.Escalations.Where(e => e.EscalatedTo == desk && e.TrackingId == trackingId.ToUpperInvariant())
            .OrderByDescending(e => e.Id).FirstOrDefaultAsync(cancellationToken);
        var report = escalation is null ? null : await db.Complaints.FindAsync([escalation.ComplaintId], cancellationToken);
        if (escalation is null || report is null) return TypedResults.NotFound();
        escalation.Chase(report, desk, caller.Subject, text, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok();
    }
}
