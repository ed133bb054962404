using Lapor.AgencyDesk.Persistence;
using Lapor.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;

namespace Lapor.AgencyDesk.Api;

/// <summary>
/// Who read what (UU 27/2022 accountability): the newest reads of reports and their attachments by staff. A
/// supervisor sees the reads of reports their agency holds; a verifier (at <c>/api/admin/agency-desk/reads</c>) sees all.
/// </summary>
public static class ReadsApi
{
    public sealed record ReadView(string TrackingId, DateTimeOffset At, string ReaderId, string ReaderRole, string? ReaderAgencyId, string What);

    public static IEndpointRouteBuilder MapReadsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/desk/reads", Reads).WithTags("Agency desk").RequireAuthorization(LaporPolicies.AgencyDesk)
            .WithName("AgencyReads").WithSummary("Supervisors: who read the agency's reports and downloaded their attachments, newest first.");
        app.MapGet("/api/admin/agency-desk/reads", Reads).WithTags("Agency desk").RequireAuthorization(LaporPolicies.Verifier)
            .WithName("AllReads").WithSummary("Verifiers: who read any report and downloaded its attachments, newest first.");
        return app;
    }

    public static async Task<IResult> Reads(string? trackingId, HttpContext http, DeskDbContext db, CancellationToken cancellationToken)
    {
        var caller = Caller.From(http.User);
        var reads = db.Reads.AsNoTracking();
        if (caller.Role != LaporRoles.Verifier)
        {
            if (!caller.IsSupervisor) return Results.Forbid();
            reads = reads.Where(r => r.HeldBy == caller.AgencyId);
        }
        if (trackingId is { Length: > 0 }) reads = reads.Where(r => r.TrackingId == trackingId.ToUpperInvariant());
        return Results.Ok(await reads.OrderByDescending(r => r.Id).Take(200)
            .Select(r => new ReadView(r.TrackingId, r.At, r.ReaderId, r.ReaderRole, r.ReaderAgencyId, r.What)).ToListAsync(cancellationToken));
    }
}
