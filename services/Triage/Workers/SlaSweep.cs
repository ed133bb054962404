using Lapor.Triage.Domain;
using Lapor.Triage.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Triage.Workers;

/// <summary>
/// Finds reports whose verification or follow-up deadline has passed and records one <c>SlaBreached</c> each, and
/// closes the answered reports whose reporter did not reply in time (<c>ComplaintResolved</c>), in the same transaction
/// as the marks that stop either happening twice. Deadlines live in the database, so a restart loses none; the clock
/// is injected, so tests move time instead of waiting.
/// </summary>
public sealed class SlaSweep(TriageDbContext db, TriageModel model, TimeProvider clock)
{
    public sealed record Outcome(int Breaches, int Closed);

    public async Task<Outcome> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await db.Complaints
            .Where(c => (c.RoutedAt == null && c.ArchivedAt == null && c.VerificationBreachedAt == null && c.VerificationDueAt < now)
                || (c.RoutedAt != null && c.RespondedAt == null && c.FollowUpBreachedAt == null && c.FollowUpDueAt < now)
                || (c.CloseQuietlyAt != null && c.CloseQuietlyAt < now))
            .OrderBy(c => c.FiledAt)
            .Take(500)
            .ToListAsync(cancellationToken);
        if (due.Count == 0) return new Outcome(0, 0);

        var agencies = (await model.GetRouterAsync(db, cancellationToken)).Agencies;
        int breaches = 0, closed = 0;
        foreach (var complaint in due)
        {
            foreach (var breach in complaint.Breaches(now, agencies))
            {
                db.AddToOutbox(breach);
                Lapor.ServiceDefaults.Telemetry.LaporTelemetry.SlaBreaches.Add(1, new KeyValuePair<string, object?>("deadline", breach.Deadline));
                breaches++;
            }
            if (complaint.CloseIfQuiet(now, agencies) is { } resolved)
            {
                db.AddToOutbox(resolved);
                closed++;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return new Outcome(breaches, closed);
    }
}

/// <summary>Runs the <see cref="SlaSweep"/> every minute.</summary>
public sealed class SlaSweeper(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<SlaSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Every minute unless Lapor:Triage:SweepSeconds says otherwise (a deadline ends at a day's end: a minute is on time).
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Lapor:Triage:SweepSeconds", 60))));
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var (breaches, closed) = await scope.ServiceProvider.GetRequiredService<SlaSweep>().RunAsync(stoppingToken);
                if (breaches + closed > 0)
                    logger.LogInformation("SLA sweep recorded {Breaches} breached deadlines and closed {Closed} reports the reporter left unreplied.", breaches, closed);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "SLA sweep failed; it runs again at the next tick.");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
