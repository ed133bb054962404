using Lapor.ServiceDefaults.Problems;
using System.Text.Json;
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
    public static Task<Results<Created<ComplaintReceipt>, ValidationProblem, ProblemHttpResult>> Submit(
        [FromBody] SubmitComplaintRequest? request, [FromHeader(Name = IdempotencyKeyHeader)] string? idempotencyKey,
        [FromHeader(Name = ChannelHeader)] string? channel, HttpContext http, IntakeDbContext db, ReporterVault vault, TimeProvider clock,
        CancellationToken cancellationToken) =>
        FileAsync(request, idempotencyKey, channel == "web" ? Channel.Web : Channel.Api, CallerOf(http), db, vault, clock, cancellationToken);

    /// <summary>A report a citizen brought to a service counter, entered by the officer there; the receipt goes to the citizen on paper.</summary>
    public static Task<Results<Created<ComplaintReceipt>, ValidationProblem, ProblemHttpResult>> FileAtCounter(
        [FromBody] SubmitComplaintRequest? request, [FromHeader(Name = IdempotencyKeyHeader)] string? idempotencyKey,
        HttpContext http, IntakeDbContext db, ReporterVault vault, TimeProvider clock, CancellationToken cancellationToken) =>
        FileAsync(request, idempotencyKey, Channel.Counter, CallerOf(http), db, vault, clock, cancellationToken);

    /// <summary>The signed-in caller an idempotency key belongs to; null for an anonymous citizen.</summary>
    private static string? CallerOf(HttpContext http) => http.User.Identity?.IsAuthenticated == true ? Caller.From(http.User).Subject : null;

    /// <summary>
    /// Files a report that arrived on any channel (the HTTP API, the portal, an SMS or social-media gateway). An
    /// idempotency key counts within its channel and caller only (<see cref="IdempotentRequest.Scoped"/>): a key the SMS
    /// gateway used can neither be replayed through the public API nor taken first to block the real message.
    /// </summary>
    public static async Task<Results<Created<ComplaintReceipt>, ValidationProblem, ProblemHttpResult>> FileAsync(
        SubmitComplaintRequest? request, string? idempotencyKey, Channel channel, string? caller, IntakeDbContext db, ReporterVault vault,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        if (request is null)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["A JSON request body is required."] });
        if (idempotencyKey is { Length: 0 or > IdempotentRequest.MaximumKeyLength })
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [IdempotencyKeyHeader] = [$"1 to {IdempotentRequest.MaximumKeyLength} characters."] });
        var (report, errors) = request.Validate(clock.GetUtcNow());
        if (report is null) return TypedResults.ValidationProblem(errors);

        var requestHash = IdempotentRequest.Hash(JsonSerializer.Serialize(request, LaporJson.Options));
        idempotencyKey = idempotencyKey is null ? null : IdempotentRequest.Scoped(channel, caller, idempotencyKey);
        if (idempotencyKey is not null && await Replay(db, vault, idempotencyKey, requestHash, clock, cancellationToken) is { } replayed)
            return replayed;

        var now = clock.GetUtcNow();
        var (complaint, accessCode) = Complaint.File(report, channel, now, vault.Seal(report.Contact));
        var receipt = new ComplaintReceipt(complaint.TrackingId, accessCode, complaint.Status, Deadlines.Standard);
        db.Complaints.Add(complaint);
        db.AddToOutbox(complaint.Submitted());
        if (idempotencyKey is not null)
            db.IdempotentRequests.Add(new IdempotentRequest
            {
                Key = idempotencyKey, RequestHash = requestHash, ComplaintId = complaint.Id, CreatedAt = now,
                SealedResponse = vault.SealText(JsonSerializer.Serialize(receipt, LaporJson.Options)),
            });

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (idempotencyKey is not null)
        {
            // The same key won a race a moment ago: nothing of ours was stored; answer as the winner did.
            db.ChangeTracker.Clear();
            return await Replay(db, vault, idempotencyKey, requestHash, clock, cancellationToken) ?? throw new InvalidOperationException("Idempotency conflict without a stored request.");
        }
        LaporTelemetry.ReportsFiled.Add(1, new("channel", LaporJson.WireName(complaint.Channel)), new("type", LaporJson.WireName(complaint.Type)));
        return Created(receipt);
    }

    private static async Task<Results<Created<ComplaintReceipt>, ValidationProblem, ProblemHttpResult>?> Replay(
        IntakeDbContext db, ReporterVault vault, string key, string requestHash, TimeProvider clock, CancellationToken cancellationToken)
    {
        var earlier = await db.IdempotentRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Key == key, cancellationToken);
        if (earlier is null) return null;
        if (earlier.CreatedAt < clock.GetUtcNow() - IdempotentRequest.Lifetime)
        {
            // Expired: the key is free again.
            await db.InWriteTurnAsync(() => db.IdempotentRequests.Where(r => r.Key == key).ExecuteDeleteAsync(cancellationToken), cancellationToken);
            return null;
        }
        if (earlier.RequestHash != requestHash)
            return TypedResults.Problem(statusCode: 422, title: "Idempotency-Key reused",
                detail: "This Idempotency-Key was used for a different report. Use a new key for a new report.");
        return Created(JsonSerializer.Deserialize<ComplaintReceipt>(vault.OpenText(earlier.SealedResponse), LaporJson.Options)!);
    }

    private static Created<ComplaintReceipt> Created(ComplaintReceipt receipt) =>
        TypedResults.Created($"/api/complaints/{receipt.TrackingId}", receipt);

    /// <summary>A wrong or missing access code answers 404, like an unknown id, so tracking ids cannot be probed.</summary>
    public static async Task<Results<Ok<ComplaintTracking>, NotFound>> Track(
        string trackingId, [FromHeader(Name = AccessCodeHeader)] string? accessCode, HttpRequest request, IntakeDbContext db, AccessCodeGuard guard,
        CancellationToken cancellationToken)
    {
        var complaint = await db.Complaints.AsNoTracking().WithAccessCodeAsync(trackingId, accessCode, guard, request.HttpContext, cancellationToken);
        if (complaint is null) return TypedResults.NotFound();
        return TypedResults.Ok(ComplaintTracking.From(complaint, ProblemLanguage.PrefersEnglish(request)));
    }
}
