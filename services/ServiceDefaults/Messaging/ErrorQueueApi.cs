using Lapor.ServiceDefaults.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Lapor.ServiceDefaults.Messaging;

/// <summary>
/// <c>/api/admin/{service}/queue</c> (verifiers only): the depth of the service's report queue and its error
/// queue, the failed messages with their exceptions, and re-drive or discard (all, or chosen message ids).
/// </summary>
public static class ErrorQueueApi
{
    public sealed record Selection(string[]? MessageIds);

    public sealed record Moved(int Count);

    public static IEndpointRouteBuilder MapErrorQueueAdmin(this IEndpointRouteBuilder app, string service)
    {
        var queue = $"{service}-{ServiceEndpointNameFormatter.ComplaintStream}";
        var admin = app.MapGroup($"/api/admin/{service}/queue").WithTags("Operations").RequireAuthorization(LaporPolicies.Verifier);
        admin.MapGet("/", (ErrorQueues queues, CancellationToken ct) => Run(queues, () => queues.DepthAsync(queue, ct)))
            .WithSummary("Messages waiting in the service's queue and in its error queue.");
        admin.MapGet("/errors", (ErrorQueues queues, CancellationToken ct, int limit = 50) =>
                Run(queues, () => queues.ListAsync(queue, Math.Clamp(limit, 1, 500), ct)))
            .WithSummary("Failed messages, with the exception that failed them.");
        admin.MapPost("/errors/redrive", (Selection? selection, ErrorQueues queues, CancellationToken ct) =>
                Run(queues, async () => new Moved(await queues.RedriveAsync(queue, Ids(selection), ct))))
            .WithSummary("Send failed messages back to the queue (after fixing the cause).");
        admin.MapPost("/errors/discard", (Selection? selection, ErrorQueues queues, CancellationToken ct) =>
                Run(queues, async () => new Moved(await queues.DiscardAsync(queue, Ids(selection), ct))))
            .WithSummary("Delete failed messages.");
        return app;
    }

    private static IReadOnlySet<string>? Ids(Selection? selection) => selection?.MessageIds is { Length: > 0 } ids ? ids.ToHashSet() : null;

    private static async Task<Results<Ok<T>, ProblemHttpResult>> Run<T>(ErrorQueues queues, Func<Task<T>> action) =>
        queues.Available
            ? TypedResults.Ok(await action())
            : TypedResults.Problem(statusCode: StatusCodes.Status501NotImplemented, title: "No error queues here",
                detail: "Error queues are kept by RabbitMQ; the in-memory bus of the embedded mode logs failed messages instead.");
}
