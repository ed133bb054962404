using System.Globalization;
using Lapor.AgencyDesk.Domain;
using Lapor.AgencyDesk.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lapor.AgencyDesk.Workers;

/// <summary>
/// Tells whoever holds an open, unanswered report that its follow-up deadline is less than a day away — once per
/// deadline (the notice's key carries it), so a later sweep, another replica or a restart adds nothing. The overdue
/// notice comes from triage's breach (<c>SlaBreachedConsumer</c>).
/// </summary>
public sealed class DueSoonNotices(DeskDbContext db, TimeProvider clock)
{
    public static readonly TimeSpan Ahead = TimeSpan.FromDays(1);
    private const int Batch = 500;

    /// <summary>Writes the notices due now; returns how many reports they are about.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var horizon = now + Ahead;
        var reports = await db.Complaints
            .Where(DeskComplaint.Open)
            .Where(DeskComplaint.DueBetween(now, horizon))
            .OrderBy(c => c.FollowUpDueAt)
            .Take(Batch)
            .ToListAsync(cancellationToken);
        var told = 0;
        foreach (var report in reports)
            if (await db.TellAsync(report, NoticeKind.DueSoon, report.FollowUpDueAt.UtcTicks.ToString(CultureInfo.InvariantCulture), now, cancellationToken) > 0)
                told++;
        if (told > 0) await db.SaveChangesAsync(cancellationToken);
        return told;
    }
}

/// <summary>Runs <see cref="DueSoonNotices"/> every <c>Lapor:Desk:NoticeSweepSeconds</c> (default 300).</summary>
public sealed class DueSoonSweeper(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<DueSoonSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Lapor:Desk:NoticeSweepSeconds", 300))));
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<DueSoonNotices>().RunAsync(stoppingToken);
            }
            catch (DbUpdateException e)
            {
                // Another replica told the same reports a moment ago (the notices' keys are unique): nothing is missing.
                logger.LogInformation("Due-soon notices were written elsewhere meanwhile: {Error}", e.InnerException?.Message ?? e.Message);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "The due-soon sweep failed; it runs again at the next tick.");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
