using Lapor.Triage.Domain;
using Lapor.Triage.Persistence;

namespace Lapor.Triage.Workers;

/// <summary>
/// Trains the classifier as soon as the service has started (the database is initialized by then), so the
/// first reports of a fresh process are not held up by training; then, every <c>Lapor:Triage:RefreshSeconds</c>
/// (default 300), retrains it if the agency directory or the verifiers' corrections changed — on any replica.
/// </summary>
public sealed class TriageModelWarmup(IServiceScopeFactory scopes, TriageModel model, IConfiguration configuration, TimeProvider clock,
    ILogger<TriageModelWarmup> logger) : BackgroundService
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

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(configuration.GetValue("Lapor:Triage:RefreshSeconds", 300)), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                if (await model.RefreshIfChangedAsync(scope.ServiceProvider.GetRequiredService<TriageDbContext>(), stoppingToken))
                    logger.LogInformation("The agency directory or the corrections changed: triage retrained.");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not check whether triage needs retraining; trying again later.");
            }
        }
    }
}
