using Lapor.Triage.Workers;
using Lapor.Contracts;
using Lapor.ServiceDefaults.Security;
using Lapor.Triage.Domain;
using Lapor.Triage.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Triage.Api;

public static class TriageApi
{
    public static IEndpointRouteBuilder MapTriageApi(this IEndpointRouteBuilder app)
    {
        var triage = app.MapGroup("/api/triage").WithTags("Triage");
        triage.MapPost("/classify", Classify).RequireAuthorization(LaporPolicies.Verifier).WithName("Classify").WithSummary("The routing decision for a report, without side effects.");
        return app;
    }

    public sealed record ClassifyRequest(string? Title, string? Text, string? Region, Sector? Sector, ReportType? Type);

    public static async Task<Results<Ok<RoutingDecision>, ValidationProblem>> Classify(
        [FromBody] ClassifyRequest? request, TriageDbContext db, TriageModel model, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request?.Title)) errors["title"] = ["Required."];
        if (string.IsNullOrWhiteSpace(request?.Text)) errors["text"] = ["Required."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var router = await model.GetRouterAsync(db, cancellationToken);
        return TypedResults.Ok(router.Decide(new TriageInput(request!.Title!, request.Text!, request.Region, request.Sector, request.Type)));
    }
}
