using Lapor.Triage.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Triage.Domain;

/// <summary>
/// Finds reports whose verification or follow-up deadline has passed and records one <c>SlaBreached</c> each,
/// in the same transaction as the mark that stops it being reported twice. Deadlines live in the database,
/// so a restart loses none; the clock is injected, so tests move time instead of waiting.
/// </summary>
public sealed class SlaSweep(TriageDbContext db, TriageModel model, TimeProvider clock)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await db.Complaints
            .Where(c => (c.RoutedAt == null && c.ArchivedAt == null && c.VerificationBreachedAt == null && c.VerificationDueAt < now)
                || (c.RoutedAt != null && c.RespondedAt == null && c.FollowUpBreachedAt == null && c.FollowUpDueAt < now))
            .OrderBy(c => c.FiledAt)
            .Take(500)
            .ToListAsync(cancellationToken);
        if (due.Count == 0) return 0;

        var agencies = (await model.GetRouterAsync(db, cancellationToken)).Agencies;
        var breaches = 0;
        foreach (var complaint in due)
        {
            foreach (var breach in complaint.Breaches(now, agencies))
            {
                db.AddToOutbox(breach);
                Lapor.ServiceDefaults.Telemetry.LaporTelemetry.SlaBreaches.Add(1, new KeyValuePair<string, object?>("deadline", breach.Deadline));
                breaches++;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return breaches;
    }
}

/// <summary>Runs the <see cref="SlaSweep"/> every minute.</summary>
public sealed class SlaSweeper(IServiceScopeFactory scopes, ILogger<SlaSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1));
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var breaches = await scope.ServiceProvider.GetRequiredService<SlaSweep>().RunAsync(stoppingToken);
                if (breaches > 0) logger.LogInformation("SLA sweep recorded {Breaches} breached deadlines.", breaches);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "SLA sweep failed; it runs again in a minute.");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
