using Lapor.ServiceDefaults.Problems;
using Lapor.Intake.Domain;
using Lapor.Intake.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Intake.Api;

/// <summary>What a citizen does after filing, with the report's access code: reply, rate, say they are not satisfied.</summary>
public static class CitizenActionsApi
{
    public static IEndpointRouteBuilder MapCitizenActionsApi(this IEndpointRouteBuilder app)
    {
        var report = app.MapGroup("/api/complaints/{trackingId}").WithTags("Complaints");
        report.MapPost("/replies", Reply).WithName("ReplyToAgency").WithSummary("Add information (answering the agency, or on your own).");
        report.MapPost("/rating", Rate).WithName("RateResponse").WithSummary("Rate the agency's answer 1–5.");
        report.MapPost("/reopen", Reopen).WithName("NotSatisfied").WithSummary("Not satisfied with the resolution: reopen and escalate.");
        return app;
    }

    public sealed record ReplyRequest(string? Text);
    public sealed record RatingRequest(int? Rating, string? Comment);
    public sealed record ReopenRequest(string? Reason);

    public static Task<Results<Ok<ComplaintTracking>, NotFound, ValidationProblem>> Reply(string trackingId, [FromHeader(Name = ComplaintsApi.AccessCodeHeader)] string? accessCode,
        [FromBody] ReplyRequest? request, HttpContext http, IntakeDbContext db, AccessCodeGuard guard, TimeProvider clock, CancellationToken cancellationToken) =>
        Act(trackingId, accessCode, guard, http, db, cancellationToken,
            Typed(request?.Text) is { Length: >= 5 and <= 4000 } text
                ? complaint => complaint.Reply(text, clock.GetUtcNow())
                : null,
            ("text", "5 to 4,000 characters, no control characters."));

    public static Task<Results<Ok<ComplaintTracking>, NotFound, ValidationProblem>> Rate(string trackingId, [FromHeader(Name = ComplaintsApi.AccessCodeHeader)] string? accessCode,
        [FromBody] RatingRequest? request, HttpContext http, IntakeDbContext db, AccessCodeGuard guard, TimeProvider clock, CancellationToken cancellationToken)
    {
        var comment = request?.Comment is null ? null : Typed(request.Comment);
        return Act(trackingId, accessCode, guard, http, db, cancellationToken,
            request?.Rating is >= 1 and <= 5 && (request.Comment is null || comment is { Length: <= 1000 })
                ? complaint => complaint.Rate(request.Rating.Value, comment, clock.GetUtcNow())
                : null,
            ("rating", "A whole number from 1 to 5 (comment at most 1,000 characters)."));
    }

    public static Task<Results<Ok<ComplaintTracking>, NotFound, ValidationProblem>> Reopen(string trackingId, [FromHeader(Name = ComplaintsApi.AccessCodeHeader)] string? accessCode,
        [FromBody] ReopenRequest? request, HttpContext http, IntakeDbContext db, AccessCodeGuard guard, TimeProvider clock, CancellationToken cancellationToken) =>
        Act(trackingId, accessCode, guard, http, db, cancellationToken,
            Typed(request?.Reason) is { Length: >= 10 and <= 2000 } reason ? complaint => complaint.Reopen(reason, clock.GetUtcNow()) : null,
            ("reason", "Say why you are not satisfied, 10 to 2,000 characters."));

    /// <summary>What the citizen typed, cleaned; null when it is missing or not well-formed text (<see cref="CitizenText"/>).</summary>
    private static string? Typed(string? text) => text is not null && CitizenText.Clean(text) is var clean && CitizenText.IsWellFormed(clean) ? clean : null;

    /// <summary>
    /// Finds the report by tracking id and access code (404 otherwise), applies the action and stores its event. When the
    /// report changed under it (an agency's answer or a route arriving in the same moment), it reads the report again and
    /// applies the action to what it is now, a few times, instead of making the citizen try again.
    /// </summary>
    private static async Task<Results<Ok<ComplaintTracking>, NotFound, ValidationProblem>> Act(
        string trackingId, string? accessCode, AccessCodeGuard guard, HttpContext http, IntakeDbContext db, CancellationToken cancellationToken,
        Func<Complaint, object>? action, (string Field, string Message) invalid)
    {
        for (var attempt = 1; ; attempt++)
        {
            var complaint = await db.Complaints.WithAccessCodeAsync(trackingId, accessCode, guard, http, cancellationToken);
            if (complaint is null) return TypedResults.NotFound();
            if (action is null) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [invalid.Field] = [invalid.Message] });

            db.AddToOutbox(action(complaint));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return TypedResults.Ok(ComplaintTracking.From(complaint, http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow(),
                    ProblemLanguage.PrefersEnglish(http.Request)));
            }
            catch (DbUpdateConcurrencyException) when (attempt < ConcurrentAttempts)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>How many times a citizen's action is applied before a report that keeps changing is a 409.</summary>
    private const int ConcurrentAttempts = 3;
}
