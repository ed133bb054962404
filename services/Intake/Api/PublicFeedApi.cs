using System.Security.Cryptography;
using System.Text;
using Lapor.Contracts;
using Lapor.Contracts.Reference;
using Lapor.Intake.Domain;
using Lapor.Intake.Persistence;
using Lapor.ServiceDefaults;
using Lapor.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Intake.Api;

/// <summary>
/// The public feed: reports that are not confidential, newest first, with personal data in their text masked
/// and never any reporter identity; and <i>dukung</i>, once per supporter.
/// </summary>
public static class PublicFeedApi
{
    public const string SupporterHeader = "X-Supporter-Id";
    private const int DefaultLimit = 20, MaximumLimit = 100, Excerpt = 1000;

    public static IEndpointRouteBuilder MapPublicFeedApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/complaints", List).WithTags("Public feed").WithName("PublicReports")
            .WithSummary("Public reports, newest first: filter by region (and the regions under it), sector, status, text.");
        app.MapPost("/api/complaints/{trackingId}/support", SupportReport).WithTags("Public feed").WithName("Support")
            .WithSummary("Dukung: support a public report, once per supporter (X-Supporter-Id, or the signed-in citizen).");
        return app;
    }

    public sealed record PublicReport(string TrackingId, ReportType Type, string Title, string Text, Sector? Sector, string? Region,
        ComplaintStatus Status, string? AgencyName, DateTimeOffset FiledAt, int Supports);

    public sealed record PublicPage(IReadOnlyList<PublicReport> Items, string? NextCursor);

    public sealed record Supported(int Supports, bool AlreadySupported);

    public sealed record FeedQuery(string? Region, string? Sector, string? Status, string? Q, string? Cursor, int? Limit)
    {
        public Sector? SectorValue => LaporJson.FromWireName<Sector>(Sector);
        public ComplaintStatus? StatusValue => LaporJson.FromWireName<ComplaintStatus>(Status);
    }

    public static async Task<Results<Ok<PublicPage>, ValidationProblem>> List([AsParameters] FeedQuery query, IntakeDbContext db, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (query.Region is not null && Regions.Find(query.Region) is null) errors["region"] = [$"Unknown region code '{query.Region}'."];
        if (query.Sector is not null && query.SectorValue is null) errors["sector"] = [$"Unknown sector '{query.Sector}'."];
        if (query.Status is not null && query.StatusValue is null) errors["status"] = [$"Unknown status '{query.Status}'."];
        if (query.Limit is < 1 or > MaximumLimit) errors["limit"] = [$"1 to {MaximumLimit}."];
        if (query.Q is { Length: > 200 }) errors["q"] = ["At most 200 characters."];
        var cursor = query.Cursor is null ? null : KeysetCursor.Decode(query.Cursor);
        if (query.Cursor is not null && cursor is null) errors["cursor"] = ["Not a cursor this feed gave out."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var reports = db.Complaints.AsNoTracking().Public();
        if (query.Region is { } region) reports = reports.Where(c => c.Region == region || c.Region!.StartsWith(region + "."));
        if (query.SectorValue is { } sector) reports = reports.Where(c => c.Sector == sector);
        if (query.StatusValue is { } status) reports = reports.Where(c => c.Status == status);
        // Only what the public can read is searched: the masked words, folded the same way as the query.
        if (query.Q is { Length: > 0 } q && PublicSearch.Query(q) is { Length: > 0 } words) reports = reports.Where(c => c.SearchText!.Contains(words));
        if (cursor is not null)
            reports = reports.Where(c => c.FiledAt < cursor.At || (c.FiledAt == cursor.At && c.TrackingId.CompareTo(cursor.TrackingId) < 0));

        var take = query.Limit ?? DefaultLimit;
        var page = await reports.OrderByDescending(c => c.FiledAt).ThenByDescending(c => c.TrackingId).Take(take + 1)
            .Select(c => new { c.TrackingId, c.Type, c.Title, c.Text, c.Sector, c.Region, c.Status, c.AgencyName, c.FiledAt,
                Supports = db.Supports.Count(s => s.ComplaintId == c.Id) })
            .ToListAsync(cancellationToken);
        var items = page.Take(take).Select(c => new PublicReport(c.TrackingId, c.Type, PersonalDataMask.Apply(c.Title),
            PersonalDataMask.Apply(c.Text.Length > Excerpt ? c.Text[..Excerpt] + "…" : c.Text), c.Sector, c.Region, c.Status, c.AgencyName, c.FiledAt,
            c.Supports)).ToList();
        var next = page.Count > take ? new KeysetCursor(items[^1].FiledAt, items[^1].TrackingId).Encode() : null;
        return TypedResults.Ok(new PublicPage(items, next));
    }

    public static async Task<Results<Ok<Supported>, NotFound, ValidationProblem>> SupportReport(string trackingId,
        [FromHeader(Name = SupporterHeader)] string? supporterId, HttpContext http, IntakeDbContext db, AnonymousSupportQuota quota, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var signedIn = http.User.Identity?.IsAuthenticated == true;
        var supporter = signedIn ? "citizen:" + Caller.From(http.User).Subject
            : supporterId is { Length: >= 16 and <= 64 } ? "device:" + supporterId
            : null;
        if (supporter is null)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [SupporterHeader] = ["An opaque id of 16 to 64 characters for this supporter, or sign in."] });

        var complaint = await db.Complaints.AsNoTracking().ByTrackingIdAsync(trackingId, cancellationToken);
        if (complaint is null || !complaint.IsPublic) return TypedResults.NotFound();
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(supporter)));
        var already = await db.Supports.AnyAsync(s => s.ComplaintId == complaint.Id && s.SupporterHash == hash, cancellationToken);
        if (!already)
        {
            if (!signedIn) quota.Take(complaint.Id, http.Connection.RemoteIpAddress);
            var now = clock.GetUtcNow();
            db.Supports.Add(complaint.Support(hash, now));
            db.AddToOutbox(complaint.Supported(now));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // The same supporter's other request (a double tap) may have stored it a moment ago: the primary key
                // kept it to one. Anything else is a real failure.
                db.ChangeTracker.Clear();
                if (!await db.Supports.AnyAsync(s => s.ComplaintId == complaint.Id && s.SupporterHash == hash, cancellationToken)) throw;
                already = true;
            }
        }
        return TypedResults.Ok(new Supported(await db.Supports.CountAsync(s => s.ComplaintId == complaint.Id, cancellationToken), already));
    }
}
