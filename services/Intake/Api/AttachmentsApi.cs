using System.Security.Cryptography;
using Lapor.Contracts;
using Lapor.Intake.Domain;
using Lapor.Intake.Persistence;
using Lapor.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Intake.Api;

/// <summary>An attachment as listed to those entitled to the report.</summary>
public sealed record AttachmentView(Guid Id, string ContentType, long Size, DateTimeOffset UploadedAt);

/// <summary>
/// Photos and documents for a report: the reporter adds up to three (JPEG, PNG or PDF by content, 5 MB each) with the
/// access code; the reporter, officers of the agency now handling the report and verifiers may download them.
/// Anyone else gets 404, exactly as for a report that does not exist.
/// </summary>
public static class AttachmentsApi
{
    public const long MaximumUpload = Attachment.MaximumPerReport * Attachment.MaximumBytes + 64 * 1024;

    public static IEndpointRouteBuilder MapAttachmentsApi(this IEndpointRouteBuilder app)
    {
        var attachments = app.MapGroup("/api/complaints/{trackingId}/attachments").WithTags("Complaints");
        attachments.MapPost("/", Upload).WithMetadata(new RequestSizeLimitAttribute(MaximumUpload)).DisableAntiforgery()
            .WithName("AddAttachments").WithSummary("Attach up to three photos or PDFs (multipart/form-data), with the access code.");
        attachments.MapGet("/", List).WithName("Attachments").WithSummary("The report's attachments, for those entitled to the report.");
        attachments.MapGet("/{attachmentId:guid}", Download).WithName("Attachment").WithSummary("One attachment's file.");
        return app;
    }

    public static async Task<Results<Created<List<AttachmentView>>, NotFound, ValidationProblem, StatusCodeHttpResult>> Upload(string trackingId,
        [FromHeader(Name = ComplaintsApi.AccessCodeHeader)] string? accessCode, HttpRequest request, IntakeDbContext db, AttachmentStore store,
        AccessCodeGuard guard, TimeProvider clock, CancellationToken cancellationToken)
    {
        var complaint = await db.Complaints.WithAccessCodeAsync(trackingId, accessCode, guard, request.HttpContext, cancellationToken);
        if (complaint is null) return TypedResults.NotFound();
        if (!request.HasFormContentType) return TypedResults.StatusCode(StatusCodes.Status415UnsupportedMediaType);

        var form = await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = MaximumUpload }, cancellationToken);
        if (Invalid(form.Files) is { } problem) return Problem(problem);

        var now = clock.GetUtcNow();
        var kept = await db.Attachments.AsNoTracking().Where(a => a.ComplaintId == complaint.Id).ToListAsync(cancellationToken);
        var answer = new List<Attachment>();
        var added = new List<(Attachment Attachment, byte[] Content)>();
        foreach (var file in form.Files)
        {
            using var buffer = new MemoryStream((int)file.Length);
            await file.CopyToAsync(buffer, cancellationToken);
            var uploaded = buffer.ToArray();
            if (Attachment.DetectType(uploaded) is not { } type)
                return Problem($"{Name(file)} is not a JPEG, PNG or PDF file (its content was checked, not its name).");
            // What the file says of its maker (GPS, the camera's serial, the author) is removed before it is stored.
            if (AttachmentMetadata.Strip(type, uploaded) is not { } content)
                return Problem($"{Name(file)} is not a whole {Attachment.ExtensionOf(type).ToUpperInvariant()} file.");
            // The same file again (a form sent twice, a retried upload) is the attachment already kept, not another.
            var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
            if (kept.Concat(added.Select(a => a.Attachment)).FirstOrDefault(a => a.Sha256 == sha256) is { } same)
            {
                if (!answer.Contains(same)) answer.Add(same);
                continue;
            }
            var slot = kept.Count + added.Count + 1;
            if (slot > Attachment.MaximumPerReport) return Problem(TooMany(kept.Count));
            var attachment = new Attachment(complaint.Id, slot, type, content.Length, sha256, now);
            added.Add((attachment, content));
            answer.Add(attachment);
        }

        // Files first, then the rows and events in one transaction; a failed transaction removes the files again.
        foreach (var (attachment, content) in added) await store.SaveAsync(attachment.Id, content, cancellationToken);
        try
        {
            foreach (var (attachment, _) in added)
            {
                db.Attachments.Add(attachment);
                db.AddToOutbox(new AttachmentAdded(complaint.Id, complaint.TrackingId, complaint.Sequence, now, attachment.Id, attachment.ContentType, attachment.Size));
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception failure)
        {
            foreach (var (attachment, _) in added) store.Delete(attachment.Id);
            // Another upload took the same place a moment ago (the unique slot): the report is as full as it says.
            if (failure is DbUpdateException && added.Count > 0)
                return Problem(TooMany(await db.Attachments.CountAsync(a => a.ComplaintId == complaint.Id, cancellationToken)));
            throw;
        }
        return TypedResults.Created($"/api/complaints/{complaint.TrackingId}/attachments",
            answer.Select(a => new AttachmentView(a.Id, a.ContentType, a.Size, a.UploadedAt)).ToList());
    }

    public static async Task<Results<Ok<List<AttachmentView>>, NotFound>> List(string trackingId, [FromHeader(Name = ComplaintsApi.AccessCodeHeader)] string? accessCode,
        HttpContext http, IntakeDbContext db, AccessCodeGuard guard, CancellationToken cancellationToken)
    {
        var complaint = await EntitledAsync(trackingId, accessCode, guard, http, db, cancellationToken);
        if (complaint is null) return TypedResults.NotFound();
        return TypedResults.Ok(await db.Attachments.AsNoTracking().Where(a => a.ComplaintId == complaint.Id).OrderBy(a => a.UploadedAt)
            .Select(a => new AttachmentView(a.Id, a.ContentType, a.Size, a.UploadedAt)).ToListAsync(cancellationToken));
    }

    public static async Task<Results<FileStreamHttpResult, NotFound>> Download(string trackingId, Guid attachmentId,
        [FromHeader(Name = ComplaintsApi.AccessCodeHeader)] string? accessCode, HttpContext http, IntakeDbContext db, AttachmentStore store,
        AccessCodeGuard guard, TimeProvider clock, CancellationToken cancellationToken)
    {
        var complaint = await EntitledAsync(trackingId, accessCode, guard, http, db, cancellationToken);
        var attachment = complaint is null ? null
            : await db.Attachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == attachmentId && a.ComplaintId == complaint.Id, cancellationToken);
        if (complaint is null || attachment is null) return TypedResults.NotFound();
        if (accessCode is null)
        {
            // Staff opened a reporter's file: recorded at the desk for supervisors and verifiers (who read what).
            var reader = Caller.From(http.User);
            db.AddToOutbox(new ReportRead(complaint.Id, complaint.TrackingId, clock.GetUtcNow(), reader.Subject, reader.Role, reader.AgencyId, ReportRead.Attachment));
            await db.SaveChangesAsync(cancellationToken);
        }
        // Never rendered as a page of this site: downloaded, sandboxed, and not sniffed into another type.
        http.Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
        return TypedResults.File(store.Open(attachment.Id), attachment.ContentType, $"{complaint.TrackingId}-{attachment.Id.ToString("N")[..8]}.{attachment.Extension}");
    }

    /// <summary>
    /// The report, when the caller holds its access code (counted by the <see cref="AccessCodeGuard"/>), is a verifier,
    /// or is an officer of the agency now handling it.
    /// </summary>
    private static async Task<Complaint?> EntitledAsync(string trackingId, string? accessCode, AccessCodeGuard guard, HttpContext http, IntakeDbContext db,
        CancellationToken cancellationToken)
    {
        if (accessCode is not null) return await db.Complaints.AsNoTracking().WithAccessCodeAsync(trackingId, accessCode, guard, http, cancellationToken);
        var complaint = await db.Complaints.AsNoTracking().ByTrackingIdAsync(trackingId, cancellationToken);
        if (complaint is null || http.User.Identity?.IsAuthenticated != true) return null;
        var caller = Caller.From(http.User);
        return caller.Role == LaporRoles.Verifier
               || caller.Role is LaporRoles.Officer or LaporRoles.Supervisor && caller.AgencyId is not null && caller.AgencyId == complaint.AgencyId
            ? complaint
            : null;
    }

    private static string? Invalid(IFormFileCollection files) =>
        files.Count == 0 ? "Attach at least one file (form field 'attachments')."
        : files.Count > Attachment.MaximumPerReport ? $"At most {Attachment.MaximumPerReport} attachments per report."
        : files.FirstOrDefault(f => f.Length > Attachment.MaximumBytes) is { } big ? $"{Name(big)} is larger than 5 MB."
        : files.FirstOrDefault(f => f.Length == 0) is { } empty ? $"{Name(empty)} is empty."
        : null;

    private static string TooMany(int already) => $"At most {Attachment.MaximumPerReport} attachments per report; this one has {already}.";

    private static string Name(IFormFile file) => string.IsNullOrWhiteSpace(file.FileName) ? "A file" : $"'{Path.GetFileName(file.FileName)}'";

    private static ValidationProblem Problem(string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["attachments"] = [message] });
}
