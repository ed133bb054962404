using Lapor.Contracts;
using Lapor.Intake.Domain;
using Lapor.Intake.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Intake.Api;

public static class ComplaintsApi
{
    public const string AccessCodeHeader = "X-Access-Code";

    public static IEndpointRouteBuilder MapComplaintsApi(this IEndpointRouteBuilder app)
    {
        var complaints = app.MapGroup("/api/complaints").WithTags("Complaints");
        complaints.MapPost("/", Submit).WithName("SubmitComplaint").WithSummary("File a report (aduan, aspirasi or permintaan informasi).");
        complaints.MapGet("/{trackingId}", Track).WithName("TrackComplaint").WithSummary("Follow a report with its access code.");
        return app;
    }

    /// <summary>Stores the report and its <see cref="ComplaintSubmitted"/> event in one transaction.</summary>
    public static async Task<Results<Created<ComplaintReceipt>, ValidationProblem>> Submit(
        [FromBody] SubmitComplaintRequest? request, IntakeDbContext db, ReporterVault vault, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (request is null)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["A JSON request body is required."] });
        var (report, errors) = request.Validate();
        if (report is null) return TypedResults.ValidationProblem(errors);

        var (complaint, accessCode) = Complaint.File(report, Channel.Api, clock.GetUtcNow(), vault.Seal(report.Contact));
        db.Complaints.Add(complaint);
        db.AddToOutbox(complaint.Submitted());
        await db.SaveChangesAsync(cancellationToken);

        return TypedResults.Created($"/api/complaints/{complaint.TrackingId}",
            new ComplaintReceipt(complaint.TrackingId, accessCode, complaint.Status));
    }

    /// <summary>A wrong or missing access code answers 404, like an unknown id, so tracking ids cannot be probed.</summary>
    public static async Task<Results<Ok<ComplaintTracking>, NotFound>> Track(
        string trackingId, [FromHeader(Name = AccessCodeHeader)] string? accessCode, IntakeDbContext db, CancellationToken cancellationToken)
    {
        var complaint = await db.Complaints.AsNoTracking()
            .SingleOrDefaultAsync(c => c.TrackingId == trackingId.ToUpperInvariant(), cancellationToken);
        if (complaint is null || !AccessCodes.Matches(accessCode, complaint.AccessCodeHash)) return TypedResults.NotFound();
        return TypedResults.Ok(ComplaintTracking.From(complaint));
    }
}
