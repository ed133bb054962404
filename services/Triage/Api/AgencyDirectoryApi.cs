using Lapor.Triage.Workers;
using System.Text.RegularExpressions;
using Lapor.Contracts;
using Lapor.ServiceDefaults.Security;
using Lapor.Triage.Domain;
using Lapor.Triage.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
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
        agencies.MapGet("/", List).WithName("ListAgencies").WithSummary("The agency directory in id order, a page at a time (Link: next), by sector, region, level and text.");
        agencies.MapGet("/{agencyId}", One).WithName("Agency").WithSummary("One agency.");
        agencies.MapPost("/", Add).RequireAuthorization(LaporPolicies.Verifier).WithName("AddAgency").WithSummary("Add an agency (verifiers).");
        agencies.MapPut("/{agencyId}", Edit).RequireAuthorization(LaporPolicies.Verifier).WithName("EditAgency")
            .WithSummary("Change an agency's name, level, region, sectors or remit (verifiers); its id never changes.");
        return app;
    }

    /// <summary>An agency as a verifier sends it; <c>reason</c> says why (kept in the event).</summary>
    public sealed record AgencyRequest(string? Id, string? Name, AgencyLevel? Level, string? Region, List<Sector>? Sectors, string? Handles, string? Reason);

    /// <summary>How many agencies a page of the directory holds unless the caller asks for fewer or more (at most <see cref="PageMax"/>).</summary>
    public const int PageDefault = 200, PageMax = 1000;

    /// <summary>
    /// The directory in id order, a page at a time: filtered by sector, region (exact code), <c>within</c> (a province and
    /// its kabupaten and kota), level, and <c>q</c> (in
    /// the id or the name, any case); <c>after</c> is the last id of the previous page, named in the <c>Link</c>
    /// header's <c>next</c> when there is more.
    /// </summary>
    public static async Task<Results<Ok<List<Agency>>, ValidationProblem>> List(TriageDbContext db, HttpContext http, string? sector, string? region,
        string? within, string? level, string? q, string? after, int? limit, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        Sector? wantedSector = null;
        if (sector is not null)
            if (Enum.TryParse<Sector>(sector, ignoreCase: true, out var parsed) && !int.TryParse(sector, out _)) wantedSector = parsed;
            else errors["sector"] = [$"Unknown sector '{sector}'."];
        AgencyLevel? wantedLevel = null;
        if (level is not null)
            if (Enum.TryParse<AgencyLevel>(level, ignoreCase: true, out var parsed) && !int.TryParse(level, out _)) wantedLevel = parsed;
            else errors["level"] = ["nasional, provinsi, kabupaten or kota."];
        if (limit is < 1 or > PageMax) errors["limit"] = [$"1 to {PageMax}."];
        if (q is { Length: > 100 }) errors["q"] = ["At most 100 characters."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var query = db.Agencies.AsNoTracking();
        if (region is not null) query = query.Where(a => a.Region == region);
        if (within is not null) query = query.Where(a => a.Region == within || a.Region!.StartsWith(within + "."));
        if (wantedSector is { } s) query = query.Where(a => a.Sectors.Contains(s));
        if (wantedLevel is { } l) query = query.Where(a => a.Level == l);
        if (q?.Trim().ToLowerInvariant() is { Length: > 0 } term) query = query.Where(a => a.Id.Contains(term) || a.Name.ToLower().Contains(term));
        if (after is not null) query = query.Where(a => string.Compare(a.Id, after) > 0);
        var size = limit ?? PageDefault;
        var page = await query.OrderBy(a => a.Id).Take(size + 1).ToListAsync(cancellationToken);
        if (page.Count > size)
        {
            page.RemoveAt(size);
            var next = QueryHelpers.AddQueryString(http.Request.Path, http.Request.Query
                .Where(p => p.Key != "after").SelectMany(p => p.Value.Select(v => KeyValuePair.Create(p.Key, v)))
                .Append(KeyValuePair.Create("after", (string?)page[^1].Id)));
            http.Response.Headers.Link = $"<{next}>; rel=\"next\"";
        }
        return TypedResults.Ok(page);
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
