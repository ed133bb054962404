using Lapor.AgencyDesk.Domain;
using Lapor.AgencyDesk.Persistence;
using Lapor.Contracts;
using Lapor.ServiceDefaults.Persistence;
using Lapor.ServiceDefaults.Security;
using Lapor.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lapor.AgencyDesk.Api;

/// <summary>
/// What an officer does with a report in the agency's inbox, one route and one request each, under
/// <c>/api/desk/complaints/{trackingId}/…</c>: claim, assign, respond, ask, forward, resolve, and internal notes.
/// Each loads the report of the caller's agency, applies the desk aggregate's method, and saves it with the event it
/// causes in the same transaction (<see cref="ActAsync"/>).
/// </summary>
public static class DeskActionsApi
{
    public const int MinimumText = 10, MaximumText = 4000;

    public sealed record TextRequest(string? Text);
    public sealed record AssignRequest(string? OfficerId);
    public sealed record ForwardRequest(string? TargetAgencyId, string? Reason);

    public static IEndpointRouteBuilder MapDeskActionsApi(this IEndpointRouteBuilder app)
    {
        var report = app.MapGroup("/api/desk/complaints/{trackingId}").WithTags("Agency desk").RequireAuthorization(LaporPolicies.AgencyDesk)
            .AddEndpointFilter(OfficersApi.KnowTheCaller);
        report.MapPost("/claim", Claim).WithName("ClaimReport").WithSummary("Take the report as the caller's own.");
        report.MapPost("/assign", Assign).WithName("AssignReport").WithSummary("Give the report to an active officer of the agency (others than oneself: supervisors).");
        report.MapPost("/respond", Respond).WithName("RespondToReport").WithSummary("Answer the reporter (tindak lanjut); the report stays open.");
        report.MapPost("/ask", Ask).WithName("AskReporter").WithSummary("Ask the reporter for what is missing; the report waits for their reply.");
        report.MapPost("/forward", Forward).WithName("ForwardReport").WithSummary("Pass the report on: to another agency, or none (bukan wewenang) for a verifier.");
        report.MapPost("/resolve", Resolve).WithName("ResolveReport").WithSummary("Close the report with a final answer that says what was done, when and with what result.");
        report.MapPost("/notes", Notes).WithName("NoteOnReport").WithSummary("An internal note the reporter never sees.");
        return app;
    }

    public static Task<Results<Ok<DeskComplaintView>, NotFound, ValidationProblem>> Claim(string trackingId, HttpContext http, DeskDbContext db,
        TimeProvider clock, CancellationToken cancellationToken) =>
        ActAsync(trackingId, http, db, cancellationToken, async (complaint, caller) =>
            await OfficersApi.IsActiveAsync(db, complaint.AgencyId, caller.Subject, cancellationToken)
                ? complaint.Assign(caller.Subject, byOfficerThemselves: true, clock.GetUtcNow())
                : throw NotAnOfficer());

    public static Task<Results<Ok<DeskComplaintView>, NotFound, ValidationProblem>> Assign(string trackingId, [FromBody] AssignRequest? request,
        HttpContext http, DeskDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        ActAsync(trackingId, http, db, cancellationToken, async (complaint, caller) =>
        {
            if (string.IsNullOrWhiteSpace(request?.OfficerId)) throw new InvalidRequest("officerId", "Required.");
            if (request.OfficerId != caller.Subject && !caller.IsSupervisor)
                throw new InvalidRequest("officerId", "Only a supervisor assigns reports to others.");
            if (!await OfficersApi.IsActiveAsync(db, complaint.AgencyId, request.OfficerId, cancellationToken)) throw NotAnOfficer();
            var assigned = complaint.Assign(request.OfficerId, byOfficerThemselves: request.OfficerId == caller.Subject, clock.GetUtcNow());
            if (request.OfficerId != caller.Subject) await db.TellAssignedAsync(complaint, assigned, cancellationToken);
            return assigned;
        });

    public static Task<Results<Ok<DeskComplaintView>, NotFound, ValidationProblem>> Respond(string trackingId, [FromBody] TextRequest? request,
        HttpContext http, DeskDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        ActAsync(trackingId, http, db, cancellationToken, (complaint, caller) =>
            Task.FromResult<IComplaintEvent?>(complaint.Respond(caller.Subject, Text(request), clock.GetUtcNow())));

    public static Task<Results<Ok<DeskComplaintView>, NotFound, ValidationProblem>> Ask(string trackingId, [FromBody] TextRequest? request,
        HttpContext http, DeskDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        ActAsync(trackingId, http, db, cancellationToken, (complaint, caller) =>
            Task.FromResult<IComplaintEvent?>(complaint.Ask(caller.Subject, Text(request), clock.GetUtcNow())));

    public static Task<Results<Ok<DeskComplaintView>, NotFound, ValidationProblem>> Forward(string trackingId, [FromBody] ForwardRequest? request,
        HttpContext http, DeskDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        ActAsync(trackingId, http, db, cancellationToken, (complaint, _) =>
        {
            if (request?.Reason?.Trim() is not { Length: >= MinimumText } reason)
                throw new InvalidRequest("reason", $"Say why, in at least {MinimumText} characters.");
            var target = string.IsNullOrWhiteSpace(request.TargetAgencyId) ? null : request.TargetAgencyId;
            return Task.FromResult<IComplaintEvent?>(complaint.Forward(target, reason, clock.GetUtcNow()));
        });

    public static Task<Results<Ok<DeskComplaintView>, NotFound, ValidationProblem>> Resolve(string trackingId, [FromBody] TextRequest? request,
        HttpContext http, DeskDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        ActAsync(trackingId, http, db, cancellationToken, (complaint, caller) =>
            Task.FromResult<IComplaintEvent?>(complaint.Resolve(caller.Subject, Text(request), clock.GetUtcNow())));

    public static Task<Results<Ok<DeskComplaintView>, NotFound, ValidationProblem>> Notes(string trackingId, [FromBody] TextRequest? request,
        HttpContext http, DeskDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        ActAsync(trackingId, http, db, cancellationToken, (complaint, caller) =>
        {
            complaint.AddNote(caller.Subject, Text(request), clock.GetUtcNow());
            return Task.FromResult<IComplaintEvent?>(null);
        });

    /// <summary>
    /// Loads the caller's agency's report (404 otherwise), applies the action, and saves the report with the event the
    /// action causes in the same transaction. A request without what the action needs is a 400 naming its field; the
    /// domain's refusals are a 422 (an answer that is no answer) or a 409 (an illegal step for the report's state).
    /// </summary>
    private static async Task<Results<Ok<DeskComplaintView>, NotFound, ValidationProblem>> ActAsync(string trackingId, HttpContext http,
        DeskDbContext db, CancellationToken cancellationToken, Func<DeskComplaint, Caller, Task<IComplaintEvent?>> action)
    {
        var caller = Caller.From(http.User);
        var complaint = await db.Complaints.SingleOrDefaultAsync(c => c.TrackingId == trackingId && c.AgencyId == caller.AgencyId, cancellationToken);
        if (complaint is null) return TypedResults.NotFound();
        IComplaintEvent? @event;
        try
        {
            @event = await action(complaint, caller);
        }
        catch (InvalidRequest invalid)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [invalid.Field] = [invalid.Message] });
        }
        if (@event is not null) db.AddToOutbox(@event);
        await db.SaveChangesAsync(cancellationToken);
        if (@event is AgencyResponded or ComplaintResolved)
            LaporTelemetry.AgencyResponses.Add(1, new KeyValuePair<string, object?>("action", @event is AgencyResponded ? "respond" : "resolve"));
        return TypedResults.Ok(DeskComplaintView.From(complaint));
    }

    /// <summary>The text of an answer, question or note: required, 10 to 4,000 characters.</summary>
    private static string Text(TextRequest? request) =>
        request?.Text?.Trim() is { Length: >= MinimumText and <= MaximumText } text
            ? text
            : throw new InvalidRequest("text", $"Required, {MinimumText} to {MaximumText} characters.");

    /// <summary>A request without what its action needs: a 400 naming the field. (The domain's own refusals are 422 and 409.)</summary>
    private sealed class InvalidRequest(string field, string message) : Exception(message)
    {
        public string Field { get; } = field;
    }

    private static InvalidRequest NotAnOfficer() =>
        new("officerId", "Not an active officer of this agency. A supervisor adds or reactivates officers.");
}
