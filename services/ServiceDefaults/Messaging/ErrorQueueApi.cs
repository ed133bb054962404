using Lapor.ServiceDefaults.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.ServiceDefaults.Messaging;

/// <summary>
/// <c>/api/admin/{service}/queue</c> (verifiers only): the depth of the service's report queue and its error
/// queue, the failed messages with their exceptions, and re-drive or discard (all, or chosen message ids).
/// Mapped only on the RabbitMQ transport.
/// </summary>
public static class ErrorQueueApi
{
    public sealed record Selection(string[]? MessageIds);

    public sealed record Moved(int Count);

    public static IEndpointRouteBuilder MapErrorQueueAdmin(this IEndpointRouteBuilder app, string service)
    {
        // The in-memory bus of the embedded mode has no error queues to show: the paths do not exist there.
        if (!app.ServiceProvider.GetRequiredService<ErrorQueues>().Available) return app;
        var queue = $"{service}-{ServiceEndpointNameFormatter.ComplaintStream}";
        var admin = app.MapGroup($"/api/admin/{service}/queue").WithTags("Operations").RequireAuthorization(LaporPolicies.Verifier);
        admin.MapGet("/", async (ErrorQueues queues, CancellationToken ct) => TypedResults.Ok(await queues.DepthAsync(queue, ct)))
            .WithSummary("Messages waiting in the service's queue and in its error queue.");
        admin.MapGet("/errors", async (ErrorQueues queues, CancellationToken ct, int limit = 50) =>
                TypedResults.Ok(await queues.ListAsync(queue, Math.Clamp(limit, 1, 500), ct)))
            .WithSummary("Failed messages, with the exception that failed them.");
        admin.MapPost("/errors/redrive", async (Selection? selection, ErrorQueues queues, CancellationToken ct) =>
                TypedResults.Ok(new Moved(await queues.RedriveAsync(queue, Ids(selection), ct))))
            .WithSummary("Send failed messages back to the queue (after fixing the cause).");
        admin.MapPost("/errors/discard", async (Selection? selection, ErrorQueues queues, CancellationToken ct) =>
                TypedResults.Ok(new Moved(await queues.DiscardAsync(queue, Ids(selection), ct))))
            .WithSummary("Delete failed messages.");
        return app;
    }

    private static IReadOnlySet<string>? Ids(Selection? selection) => selection?.MessageIds is { Length: > 0 } ids ? ids.ToHashSet() : null;

}
