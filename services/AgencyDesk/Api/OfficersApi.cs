using System.Collections.Concurrent;
using Lapor.AgencyDesk.Domain;
using Lapor.AgencyDesk.Persistence;
using Lapor.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lapor.AgencyDesk.Api;

/// <summary>
/// The agency's officers (<see cref="Officer"/>): every desk request makes its caller known (once per process), and
/// supervisors list, add, deactivate and reactivate them. Assignment accepts only active officers of the agency.
/// </summary>
public static class OfficersApi
{
    public sealed record OfficerView(string OfficerId, string? Name, bool Active, DateTimeOffset Since, string? ChangedBy);
    public sealed record OfficerRequest(string? OfficerId, string? Name, bool? Active);

    /// <summary>The officers this process has already made known, so a desk request costs a lookup only once per officer.</summary>
    public sealed class KnownOfficers
    {
        public ConcurrentDictionary<(string Agency, string Officer), bool> Seen { get; } = new();
    }

    public static IEndpointRouteBuilder MapOfficersApi(this IEndpointRouteBuilder app)
    {
        var officers = app.MapGroup("/api/desk/officers").WithTags("Agency desk").RequireAuthorization(LaporPolicies.AgencyDesk);
        officers.AddEndpointFilter(KnowTheCaller);
        officers.MapGet("/", List).WithName("Officers").WithSummary("Supervisors: the agency's officers, active or not.");
        officers.MapPost("/", Set).WithName("SetOfficer").WithSummary("Supervisors: add an officer, or deactivate or reactivate one.");
        return app;
    }

    /// <summary>Makes the signed-in officer or supervisor known to their agency's desk (an endpoint filter on the desk).</summary>
    public static async ValueTask<object?> KnowTheCaller(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var caller = Caller.From(context.HttpContext.User);
        var services = context.HttpContext.RequestServices;
        var known = services.GetRequiredService<KnownOfficers>().Seen;
        if (caller.AgencyId is { } agency && caller.Role is LaporRoles.Officer or LaporRoles.Supervisor && !known.ContainsKey((agency, caller.Subject)))
        {
            var db = services.GetRequiredService<DeskDbContext>();
            // The identity provider vouches for the role and, where it gives one, the address the desk's notices go to.
            var email = context.HttpContext.User.FindFirst("email")?.Value is { Length: > 3 and <= 254 } claimed && claimed.Contains('@') ? claimed : null;
            var officer = await db.Officers.SingleOrDefaultAsync(o => o.AgencyId == agency && o.OfficerId == caller.Subject);
            if (officer is null)
                db.Officers.Add(Officer.SignedIn(agency, caller.Subject, caller.Name, caller.IsSupervisor, email, services.GetRequiredService<TimeProvider>().GetUtcNow()));
            else
                officer.SignedInAgain(caller.IsSupervisor, email);
            try { await db.SaveChangesAsync(); }
            catch (DbUpdateException) { db.ChangeTracker.Clear(); } // the caller's other request made them known a moment ago
            known[(agency, caller.Subject)] = true;
        }
        return await next(context);
    }

    /// <summary>Whether the officer may be given the agency's reports.</summary>
    public static Task<bool> IsActiveAsync(DeskDbContext db, string agencyId, string officerId, CancellationToken cancellationToken) =>
        db.Officers.AnyAsync(o => o.AgencyId == agencyId && o.OfficerId == officerId && o.Active, cancellationToken);

    public static async Task<Results<Ok<List<OfficerView>>, ForbidHttpResult>> List(HttpContext http, DeskDbContext db, CancellationToken cancellationToken)
    {
        var caller = Caller.From(http.User);
        if (!caller.IsSupervisor) return TypedResults.Forbid();
        return TypedResults.Ok(await db.Officers.AsNoTracking().Where(o => o.AgencyId == caller.AgencyId).OrderBy(o => o.OfficerId)
            .Select(o => new OfficerView(o.OfficerId, o.Name, o.Active, o.Since, o.ChangedBy)).ToListAsync(cancellationToken));
    }

    public static async Task<Results<Ok<OfficerView>, ForbidHttpResult, ValidationProblem>> Set(OfficerRequest request, HttpContext http, DeskDbContext db,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var caller = Caller.From(http.User);
        if (!caller.IsSupervisor) return TypedResults.Forbid();
        if (request.OfficerId?.Trim() is not { Length: >= 2 and <= 200 } officerId || officerId.Any(char.IsControl))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["officerId"] = ["The officer's id at the identity provider, 2 to 200 characters."] });
        if (request.Name is { } name && (name.Trim().Length is < 2 or > 100 || name.Any(char.IsControl)))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = ["2 to 100 characters, no control characters."] });

        var officer = await db.Officers.SingleOrDefaultAsync(o => o.AgencyId == caller.AgencyId && o.OfficerId == officerId, cancellationToken);
        if (officer is null) db.Officers.Add(officer = Officer.Added(caller.AgencyId!, officerId, request.Name?.Trim(), caller.Subject, clock.GetUtcNow()));
        officer.Set(request.Active ?? true, request.Name?.Trim(), caller.Subject);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new OfficerView(officer.OfficerId, officer.Name, officer.Active, officer.Since, officer.ChangedBy));
    }
}
