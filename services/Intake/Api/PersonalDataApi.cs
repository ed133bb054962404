using Lapor.Intake.Domain;
using Lapor.Intake.Persistence;
using Lapor.Intake.Workers;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Intake.Api;

/// <summary>
/// The reporter's rights over their personal data (UU 27/2022 art. 5–8): with the tracking id and access code, see
/// and download everything Lapor holds about them for the report, and erase it. Erasing keeps the report, its public
/// content and the figures; only what identifies the reporter goes (<see cref="Complaint.ErasePersonalData"/>).
/// </summary>
public static class PersonalDataApi
{
    public static IEndpointRouteBuilder MapPersonalDataApi(this IEndpointRouteBuilder app)
    {
        var data = app.MapGroup("/api/complaints/{trackingId}/personal-data").WithTags("Complaints");
        data.MapGet("/", See).WithName("PersonalData").WithSummary("Everything Lapor holds about the reporter for this report (download=true for a file).");
        data.MapDelete("/", Erase).WithName("ErasePersonalData").WithSummary("Erase the reporter's personal data; the report and the figures stay.");
        return app;
    }

    /// <summary>What Lapor holds about the reporter for one report, as they may read and download it.</summary>
    public sealed record PersonalData(string TrackingId, DateTimeOffset FiledAt, bool Anonymous, bool Confidential, ReporterContact? Contact,
        string Title, string Text, string? Location, double? Latitude, double? Longitude, IReadOnlyList<string> Replies, int Attachments,
        DateTimeOffset? ErasedAt, int RetentionDays);

    public static async Task<Results<Ok<PersonalData>, NotFound>> See(string trackingId, [FromHeader(Name = ComplaintsApi.AccessCodeHeader)] string? accessCode,
        bool? download, HttpContext http, IntakeDbContext db, ReporterVault vault, AccessCodeGuard guard, IConfiguration configuration, CancellationToken cancellationToken)
    {
        var complaint = await db.Complaints.AsNoTracking().WithAccessCodeAsync(trackingId, accessCode, guard, http, cancellationToken);
        if (complaint is null) return TypedResults.NotFound();
        if (download == true)
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"lapor-{complaint.TrackingId}-data-pribadi.json\"";
        return TypedResults.Ok(await DocumentAsync(complaint, db, vault, configuration, cancellationToken));
    }

    public static async Task<Results<Ok<PersonalData>, NotFound>> Erase(string trackingId, [FromHeader(Name = ComplaintsApi.AccessCodeHeader)] string? accessCode,
        HttpContext http, IntakeDbContext db, ReporterVault vault, AccessCodeGuard guard, IConfiguration configuration, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var complaint = await db.Complaints.WithAccessCodeAsync(trackingId, accessCode, guard, http, cancellationToken);
        if (complaint is null) return TypedResults.NotFound();
        complaint.ErasePersonalData(clock.GetUtcNow());
        // Messages not yet sent would reach the reporter at the address just erased.
        db.Notifications.RemoveRange(await db.Notifications.Where(n => n.ComplaintId == complaint.Id && n.SentAt == null).ToListAsync(cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await DocumentAsync(complaint, db, vault, configuration, cancellationToken));
    }

    private static async Task<PersonalData> DocumentAsync(Complaint c, IntakeDbContext db, ReporterVault vault, IConfiguration configuration, CancellationToken cancellationToken) =>
        new(c.TrackingId, c.FiledAt, c.Anonymous, c.Confidential, vault.Open(c.SealedContact), c.Title, c.Text, c.Location, c.Latitude, c.Longitude,
            c.Timeline.Where(t => t.Step is TimelineStep.ReporterReplied or TimelineStep.Reopened && t.Detail is not null).Select(t => t.Detail!).ToList(),
            await db.Attachments.CountAsync(a => a.ComplaintId == c.Id, cancellationToken), c.PersonalDataErasedAt, PersonalDataRetention.Days(configuration));
}
