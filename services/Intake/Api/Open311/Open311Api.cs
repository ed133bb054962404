using Lapor.ServiceDefaults.Problems;
using System.Globalization;
using System.Text.Json.Nodes;
using Lapor.Contracts;
using Lapor.Intake.Domain;
using Lapor.Intake.Persistence;
using Lapor.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Intake.Api.Open311;

/// <summary>
/// Open311 GeoReport v2 at <c>/open311/v2/</c>, so city apps and civic tools written for the standard can file and
/// read Lapor reports: discovery, the service list (one service per sector) and definitions, posting a request
/// (form-encoded, with an <c>api_key</c> from <c>Lapor:Open311:ApiKeys</c>), and reading public requests. XML and
/// JSON, chosen by the path's extension. Readers see only public reports, with personal data in the words masked.
/// Lapor answers a posted request with its <c>service_request_id</c> at once, so it never issues tokens.
/// </summary>
public static class Open311Api
{
    public const string Prefix = "/open311/v2";
    public const int DefaultDays = 90, MaximumResults = 1000, MaximumIds = 100;
    /// <summary>Shorter api_keys are ignored (the Development key, <c>dev-open311-key</c>, is just long enough).</summary>
    public const int MinimumKeyLength = 12;

    public static IEndpointRouteBuilder MapOpen311Api(this IEndpointRouteBuilder app)
    {
        var open311 = app.MapGroup(Prefix).WithTags("Open311");
        open311.MapGet("/discovery.{format}", Discovery).WithName("Open311Discovery").WithSummary("Where the endpoint is and what it speaks.");
        open311.MapGet("/services.{format}", Services).WithName("Open311Services").WithSummary("The services: one per sector.");
        open311.MapGet("/services/{serviceCode}.{format}", Definition).WithName("Open311ServiceDefinition").WithSummary("A service's attributes.");
        open311.MapPost("/requests.{format}", Post).DisableAntiforgery().WithName("Open311PostRequest")
            .WithSummary("File a report (form-encoded, api_key required).");
        open311.MapGet("/requests.{format}", List).WithName("Open311Requests")
            .WithSummary("Public reports: by ids, or by service_code, status, start_date and end_date (last 90 days, at most 1,000).");
        open311.MapGet("/requests/{serviceRequestId}.{format}", One).WithName("Open311Request").WithSummary("One public report.");
        return app;
    }

    /// <summary>true for XML, false for JSON, null for anything else.</summary>
    private static bool? Xml(string format) => format.ToLowerInvariant() switch { "xml" => true, "json" => false, _ => null };

    private static Open311Document UnknownFormat => Open311Document.Errors(false, StatusCodes.Status404NotFound, "format: xml or json.");

    /// <summary>Requests may name the jurisdiction; Lapor is one (<c>Lapor:Open311:JurisdictionId</c>, default <c>lapor</c>).</summary>
    private static Open311Document? WrongJurisdiction(string? given, IConfiguration configuration, bool xml) =>
        string.IsNullOrEmpty(given) || given == (configuration["Lapor:Open311:JurisdictionId"] ?? "lapor")
            ? null
            : Open311Document.Errors(xml, StatusCodes.Status404NotFound, $"jurisdiction_id: this endpoint serves '{configuration["Lapor:Open311:JurisdictionId"] ?? "lapor"}'.");

    /// <summary>
    /// The endpoint's address is Lapor's public address (<c>Lapor:PublicBaseUrl</c>, e.g. <c>https://lapor.example.go.id</c>)
    /// and the prefix, never the request's Host header, which any client sets; without that setting it is a path.
    /// </summary>
    public static IResult Discovery(string format, HttpRequest request, IConfiguration configuration)
    {
        if (Xml(format) is not { } xml) return UnknownFormat;
        var baseUrl = configuration["Lapor:PublicBaseUrl"] is { Length: > 0 } configured
            ? configured.TrimEnd('/') + Prefix
            : $"{request.PathBase}{Prefix}";
        return new Open311Document("discovery", Open311Catalogue.Discovery(baseUrl, configuration["Lapor:Open311:Contact"] ?? "Admin Lapor"), xml);
    }

    public static IResult Services(string format, [FromQuery(Name = "jurisdiction_id")] string? jurisdiction, HttpRequest request, IConfiguration configuration)
    {
        if (Xml(format) is not { } xml) return UnknownFormat;
        return WrongJurisdiction(jurisdiction, configuration, xml)
            ?? new Open311Document("services", Open311Catalogue.Services(ProblemLanguage.PrefersEnglish(request)), xml);
    }

    public static IResult Definition(string serviceCode, string format, [FromQuery(Name = "jurisdiction_id")] string? jurisdiction,
        HttpRequest request, IConfiguration configuration)
    {
        if (Xml(format) is not { } xml) return UnknownFormat;
        if (WrongJurisdiction(jurisdiction, configuration, xml) is { } wrong) return wrong;
        return LaporJson.FromWireName<Sector>(serviceCode) is { } sector
            ? new Open311Document("service_definition", Open311Catalogue.Definition(sector, ProblemLanguage.PrefersEnglish(request)), xml)
            : Open311Document.Errors(xml, StatusCodes.Status404NotFound, $"service_code: no service '{serviceCode}'.");
    }

    public static async Task<IResult> Post(string format, HttpRequest request, [FromHeader(Name = ComplaintsApi.IdempotencyKeyHeader)] string? idempotencyKey,
        IConfiguration configuration, ReportFiling filing, CancellationToken cancellationToken)
    {
        if (Xml(format) is not { } xml) return UnknownFormat;
        if (!request.HasFormContentType)
            return Open311Document.Errors(xml, StatusCodes.Status400BadRequest, "body: post the request as application/x-www-form-urlencoded.");
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException e)
        {
            return Open311Document.Errors(xml, StatusCodes.Status400BadRequest, $"body: {e.Message}");
        }
        if (!SharedSecret.MatchesAny(form["api_key"], ApiKeys(configuration), MinimumKeyLength))
            return Open311Document.Errors(xml, StatusCodes.Status403Forbidden, "api_key: missing or not valid.");
        if (WrongJurisdiction(form["jurisdiction_id"], configuration, xml) is { } wrong) return wrong;

        var (submit, errors) = Open311ServiceRequest.Read(form);
        if (submit is null) return Open311Document.Errors(xml, StatusCodes.Status400BadRequest, errors);
        // Each client system (its api_key) has keys of its own.
        return await filing.FileAsync(submit, idempotencyKey, Channel.Open311, form["api_key"].ToString(), cancellationToken) switch
        {
            FilingOutcome.Filed { Receipt: var receipt } => new Open311Document("service_requests", new JsonArray(new JsonObject
            {
                ["service_request_id"] = receipt.TrackingId,
                ["service_notice"] = $"Laporan diterima. Nomor {receipt.TrackingId}, kode akses {receipt.AccessCode} (simpan, jangan dibagikan). " +
                    $"Diverifikasi dalam {receipt.Deadlines.VerifyWithinWorkingDays} hari kerja.",
                ["account_id"] = null,
                // Not in the specification: the secret the reporter needs to follow the report in Lapor, shown once.
                ["access_code"] = receipt.AccessCode,
            }), xml, StatusCodes.Status201Created),
            FilingOutcome.Invalid { Errors: var invalid } => Open311Document.Errors(xml, StatusCodes.Status400BadRequest,
                invalid.SelectMany(e => e.Value.Select(message => $"{Open311ServiceRequest.FormName(e.Key)}: {message}"))),
            _ => Open311Document.Errors(xml, StatusCodes.Status422UnprocessableEntity,
                "Idempotency-Key reused: This Idempotency-Key was used for a different report. Use a new key for a new report."),
        };
    }

    public sealed record RequestsQuery(
        [property: FromQuery(Name = "service_request_id")] string? Ids,
        [property: FromQuery(Name = "service_code")] string? ServiceCodes,
        [property: FromQuery(Name = "start_date")] string? StartDate,
        [property: FromQuery(Name = "end_date")] string? EndDate,
        [property: FromQuery(Name = "status")] string? Status,
        [property: FromQuery(Name = "jurisdiction_id")] string? Jurisdiction);

    public static async Task<IResult> List(string format, [AsParameters] RequestsQuery query, HttpRequest request, IConfiguration configuration,
        IntakeDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (Xml(format) is not { } xml) return UnknownFormat;
        if (WrongJurisdiction(query.Jurisdiction, configuration, xml) is { } wrong) return wrong;
        var reports = db.Complaints.AsNoTracking().Public();
        var errors = new List<string>();
        if (query.Ids is not null)
        {
            // With ids, every other filter is ignored, as the specification says.
            var ids = Split(query.Ids).Select(id => id.ToUpperInvariant()).ToList();
            if (ids.Count is 0 or > MaximumIds) errors.Add($"service_request_id: 1 to {MaximumIds} ids, separated by commas.");
            reports = reports.Where(c => ids.Contains(c.TrackingId));
        }
        else
        {
            var codes = Split(query.ServiceCodes).Select(code => (Code: code, Sector: LaporJson.FromWireName<Sector>(code))).ToList();
            foreach (var unknown in codes.Where(c => c.Sector is null)) errors.Add($"service_code: no service '{unknown.Code}'.");
            var sectors = codes.Select(c => c.Sector).ToList();
            if (sectors.Count > 0) reports = reports.Where(c => sectors.Contains(c.Sector));

            var statuses = Split(query.Status).ToList();
            if (statuses.Any(s => s is not ("open" or "closed"))) errors.Add("status: open or closed (or both, separated by a comma).");
            else if (statuses.Distinct().Count() == 1)
                reports = statuses[0] == "closed"
                    ? reports.Where(c => Open311ServiceRequest.Closed.Contains(c.Status))
                    : reports.Where(c => !Open311ServiceRequest.Closed.Contains(c.Status));

            var (start, end) = (Date(query.StartDate, "start_date", errors), Date(query.EndDate, "end_date", errors));
            var until = end ?? (start is { } from ? AddDays(from, DefaultDays) : clock.GetUtcNow());
            var since = start ?? AddDays(until, -DefaultDays);
            if (since > until) errors.Add("start_date: must not be after end_date.");
            reports = reports.Where(c => c.FiledAt >= since && c.FiledAt <= until);
        }
        if (errors.Count > 0) return Open311Document.Errors(xml, StatusCodes.Status400BadRequest, errors);

        var page = await reports.OrderByDescending(c => c.FiledAt).ThenByDescending(c => c.TrackingId).Take(MaximumResults).ToListAsync(cancellationToken);
        var english = ProblemLanguage.PrefersEnglish(request);
        return new Open311Document("service_requests", new JsonArray([.. page.Select(c => (JsonNode)Open311ServiceRequest.Write(c, english))]), xml);
    }

    public static async Task<IResult> One(string serviceRequestId, string format, [FromQuery(Name = "jurisdiction_id")] string? jurisdiction,
        HttpRequest request, IConfiguration configuration, IntakeDbContext db, CancellationToken cancellationToken)
    {
        if (Xml(format) is not { } xml) return UnknownFormat;
        if (WrongJurisdiction(jurisdiction, configuration, xml) is { } wrong) return wrong;
        var complaint = await db.Complaints.AsNoTracking().Public().ByTrackingIdAsync(serviceRequestId, cancellationToken);
        return complaint is null
            ? Open311Document.Errors(xml, StatusCodes.Status404NotFound, $"service_request_id: no public request '{serviceRequestId}'.")
            : new Open311Document("service_requests", new JsonArray(Open311ServiceRequest.Write(complaint, ProblemLanguage.PrefersEnglish(request))), xml);
    }

    /// <summary>The keys Open311 clients post with: <c>Lapor:Open311:ApiKeys</c> as a list or one comma-separated value.</summary>
    private static IEnumerable<string> ApiKeys(IConfiguration configuration)
    {
        var section = configuration.GetSection("Lapor:Open311:ApiKeys");
        return section.GetChildren().Select(c => c.Value).Append(section.Value).OfType<string>()
            .SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    private static IEnumerable<string> Split(string? list) =>
        list?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

    /// <summary>The date <paramref name="days"/> away, held at the ends of the calendar (a request may name 9999-12-31).</summary>
    private static DateTimeOffset AddDays(DateTimeOffset at, int days) =>
        days >= 0
            ? (DateTimeOffset.MaxValue - at).TotalDays <= days ? DateTimeOffset.MaxValue : at.AddDays(days)
            : (at - DateTimeOffset.MinValue).TotalDays <= -days ? DateTimeOffset.MinValue : at.AddDays(days);

    /// <summary>A W3C date-time (<c>2026-11-01T00:00:00+07:00</c>); without a zone, UTC.</summary>
    private static DateTimeOffset? Date(string? text, string field, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)) return at;
        errors.Add($"{field}: a W3C date-time such as 2026-11-01T00:00:00+07:00.");
        return null;
    }
}
