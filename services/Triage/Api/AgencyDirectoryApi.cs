using System.Text.RegularExpressions;
using Lapor.Contracts;
using Lapor.ServiceDefaults.Security;
using Lapor.Triage.Domain;
using Lapor.Triage.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Triage.Api;

/// <summary>
/// The agency directory: anyone may read it (the portal's pickers, the public scorecards); verifiers add and edit
/// agencies. Each change is an <see cref="AgencyChanged"/> event (who, when, why) in the same transaction, and the
/// router is rebuilt so the next report is routed with the directory as it now is.
/// </summary>
public static partial class AgencyDirectoryApi
{
    public static IEndpointRouteBuilder MapAgencyDirectoryApi(this IEndpointRouteBuilder app)
    {
        var agencies = app.MapGroup("/api/triage/agencies").WithTags("Agency directory");
        agencies.MapGet("/", List).WithName("ListAgencies").WithSummary("The agency directory, by sector and region.");
        agencies.MapGet("/{agencyId}", One).WithName("Agency").WithSummary("One agency.");
        agencies.MapPost("/", Add).RequireAuthorization(LaporPolicies.Verifier).WithName("AddAgency").WithSummary("Add an agency (verifiers).");
        agencies.MapPut("/{agencyId}", Edit).RequireAuthorization(LaporPolicies.Verifier).WithName("EditAgency")
            .WithSummary("Change an agency's name, level, region, sectors or remit (verifiers); its id never changes.");
        return app;
    }

    /// <summary>An agency as a verifier sends it; <c>reason</c> says why (kept in the event).</summary>
    public sealed record AgencyRequest(string? Id, string? Name, AgencyLevel? Level, string? Region, List<Sector>? Sectors, string? Handles, string? Reason);

    public static async Task<Ok<List<Agency>>> List(TriageDbContext db, string? sector, string? region, CancellationToken cancellationToken)
    {
        var query = db.Agencies.AsNoTracking();
        if (region is not null) query = query.Where(a => a.Region == region);
        var agencies = await query.OrderBy(a => a.Id).ToListAsync(cancellationToken);
        if (sector is not null) agencies = agencies.Where(a => a.Sectors.Any(s => s.ToString().Equals(sector, StringComparison.OrdinalIgnoreCase))).ToList();
        return TypedResults.Ok(agencies);
    }

    public static async Task<Results<Ok<Agency>, NotFound>> One(string agencyId, TriageDbContext db, CancellationToken cancellationToken) =>
        await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Id == agencyId, cancellationToken) is { } agency
            ? TypedResults.Ok(agency)
            : TypedResults.NotFound();

    public static async Task<Results<Created<Agency>, ValidationProblem, Conflict<ProblemDetails>>> Add([FromBody] AgencyRequest? request, HttpContext http,
        TriageDbContext db, TriageModel model, TimeProvider clock, CancellationToken cancellationToken)
    {
        var id = request?.Id?.Trim().ToLowerInvariant() ?? "";
        var errors = Check(id, request);
        if (!AgencyId().IsMatch(id)) errors["id"] = ["Lower-case words joined by dots, like 35.78.dinsos or nas.bpjs-kesehatan (at most 64 characters)."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        if (await db.Agencies.AnyAsync(a => a.Id == id, cancellationToken))
            return TypedResults.Conflict(new ProblemDetails { Status = 409, Title = "Conflict", Detail = $"The directory already has '{id}'; edit it instead." });

        var (agency, changed) = Agency.Add(id, DetailsOf(request!), Caller.From(http.User).Subject, request!.Reason, clock.GetUtcNow());
        db.Agencies.Add(agency);
        db.AddToOutbox(changed);
        await db.SaveChangesAsync(cancellationToken);
        model.Invalidate();
        return TypedResults.Created($"/api/triage/agencies/{agency.Id}", agency);
    }

    public static async Task<Results<Ok<Agency>, NotFound, ValidationProblem>> Edit(string agencyId, [FromBody] AgencyRequest? request, HttpContext http,
        TriageDbContext db, TriageModel model, TimeProvider clock, CancellationToken cancellationToken)
    {
        var agency = await db.Agencies.SingleOrDefaultAsync(a => a.Id == agencyId, cancellationToken);
        if (agency is null) return TypedResults.NotFound();
        var errors = Check(agency.Id, request);
        if (request?.Id is { } renamed && renamed != agency.Id) errors["id"] = ["An agency's id never changes; add a new agency instead."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        db.AddToOutbox(agency.Edit(DetailsOf(request!), Caller.From(http.User).Subject, request!.Reason, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        model.Invalidate();
        return TypedResults.Ok(agency);
    }

    private static Dictionary<string, string[]> Check(string id, AgencyRequest? request)
    {
        if (request is null) return new() { ["body"] = ["A JSON request body is required."] };
        var errors = Agency.Check(id, request.Name, request.Level, request.Region, request.Sectors, request.Handles);
        if (request.Reason is { Length: > 500 }) errors["reason"] = ["At most 500 characters."];
        return errors;
    }

    private static Agency.Details DetailsOf(AgencyRequest request) =>
        new(request.Name!, request.Level!.Value, request.Region, request.Sectors!, request.Handles ?? "");

    [GeneratedRegex(@"^(?=.{3,64}$)[a-z0-9]+(?:[.-][a-z0-9]+)+$")]
    private static partial Regex AgencyId();
}
