using Lapor.Triage.Persistence;

namespace Lapor.Triage.Domain;

/// <summary>
/// Trains the classifier as soon as the service has started (the database is initialized by then), so the
/// first reports of a fresh process are not held up by training.
/// </summary>
public sealed class TriageModelWarmup(IServiceScopeFactory scopes, TriageModel model, ILogger<TriageModelWarmup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await model.GetRouterAsync(scope.ServiceProvider.GetRequiredService<TriageDbContext>(), stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Not fatal: the first report trains the model instead.
            logger.LogWarning(e, "Could not train the triage classifier at start-up.");
        }
    }
}
