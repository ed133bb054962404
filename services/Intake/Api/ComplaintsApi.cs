using Lapor.ServiceDefaults.Problems;
using System.Diagnostics;
using Lapor.Contracts;
using Lapor.Intake.Domain;
using Lapor.ServiceDefaults.Security;
using Lapor.Intake.Persistence;
using Lapor.ServiceDefaults;
using Lapor.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Intake.Api;

public static class ComplaintsApi
{
    public const string AccessCodeHeader = "X-Access-Code";
    /// <summary>A JSON report is at most a few kilobytes; anything far larger is refused before it is read (413).</summary>
    public const int MaximumJsonBody = 64 * 1024;

    public static IEndpointRouteBuilder MapComplaintsApi(this IEndpointRouteBuilder app)
    {
        var complaints = app.MapGroup("/api/complaints").WithTags("Complaints");
        complaints.MapPost("/", Submit).WithMetadata(new RequestSizeLimitAttribute(MaximumJsonBody)).WithName("SubmitComplaint").WithSummary("File a report (aduan, aspirasi or permintaan informasi).");
        app.MapPost("/api/counter/complaints", FileAtCounter).WithTags("Complaints").RequireAuthorization(LaporPolicies.AgencyDesk)
            .WithMetadata(new RequestSizeLimitAttribute(MaximumJsonBody)).WithName("FileAtCounter")
            .WithSummary("Staff at an agency's service counter file a walk-in or paper report on a citizen's behalf (channel counter).");
        complaints.MapGet("/{trackingId}", Track).WithName("TrackComplaint").WithSummary("Follow a report with its access code.");
        return app;
    }

    public const string IdempotencyKeyHeader = "Idempotency-Key";
    /// <summary><c>web</c> when the report comes from the web portal's form; anything else is the API channel.</summary>
    public const string ChannelHeader = "X-Lapor-Channel";

    /// <summary>
    /// Stores the report and its <see cref="ComplaintSubmitted"/> event in one transaction. With an
    /// <c>Idempotency-Key</c>, a retry answers the original receipt and stores nothing new.
    /// </summary>
    public static async Task<Results<Created<ComplaintReceipt>, ValidationProblem, ProblemHttpResult>> Submit(
        [FromBody] SubmitComplaintRequest? request, [FromHeader(Name = IdempotencyKeyHeader)] string? idempotencyKey,
        [FromHeader(Name = ChannelHeader)] string? channel, HttpContext http, ReportFiling filing, OwnerKeys keys, CancellationToken cancellationToken) =>
        Answer(await filing.FileAsync(request, idempotencyKey, channel == "web" ? Channel.Web : Channel.Api, CallerOf(http), cancellationToken,
            owner: http.User.IsInRole(LaporRoles.Citizen) ? keys.Of(Caller.From(http.User).Subject) : null));

    /// <summary>A report a citizen brought to a service counter, entered by the officer there; the receipt goes to the citizen on paper.</summary>
    public static async Task<Results<Created<ComplaintReceipt>, ValidationProblem, ProblemHttpResult>> FileAtCounter(
        [FromBody] SubmitComplaintRequest? request, [FromHeader(Name = IdempotencyKeyHeader)] string? idempotencyKey,
        HttpContext http, ReportFiling filing, CancellationToken cancellationToken) =>
        Answer(await filing.FileAsync(request, idempotencyKey, Channel.Counter, CallerOf(http), cancellationToken));

    /// <summary>The signed-in caller an idempotency key belongs to; null for an anonymous citizen.</summary>
    private static string? CallerOf(HttpContext http) => http.User.Identity?.IsAuthenticated == true ? Caller.From(http.User).Subject : null;

    private static Results<Created<ComplaintReceipt>, ValidationProblem, ProblemHttpResult> Answer(FilingOutcome outcome) => outcome switch
    {
        FilingOutcome.Filed { Receipt: var receipt } => TypedResults.Created($"/api/complaints/{receipt.TrackingId}", receipt),
        FilingOutcome.Invalid { Errors: var errors } => TypedResults.ValidationProblem(errors),
        FilingOutcome.KeyReused => TypedResults.Problem(statusCode: 422, title: "Idempotency-Key reused",
            detail: "This Idempotency-Key was used for a different report. Use a new key for a new report."),
        _ => throw new UnreachableException(),
    };

    /// <summary>A wrong or missing access code answers 404, like an unknown id, so tracking ids cannot be probed.</summary>
    public static async Task<Results<Ok<ComplaintTracking>, NotFound>> Track(
        string trackingId, [FromHeader(Name = AccessCodeHeader)] string? accessCode, HttpRequest request, IntakeDbContext db, AccessCodeGuard guard,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var complaint = await db.Complaints.AsNoTracking().WithAccessCodeAsync(trackingId, accessCode, guard, request.HttpContext, cancellationToken);
        if (complaint is null) return TypedResults.NotFound();
        return TypedResults.Ok(ComplaintTracking.From(complaint, clock.GetUtcNow(), ProblemLanguage.PrefersEnglish(request)));
    }
}
