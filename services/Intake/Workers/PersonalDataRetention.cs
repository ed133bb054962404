using Lapor.Contracts;
using Lapor.Intake.Domain;
using Lapor.Intake.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Intake.Workers;

/// <summary>
/// Erases the reporter's personal data of reports closed (resolved, closed or archived) for longer than
/// <c>Lapor:Privacy:RetentionDays</c> (365), every hour, a batch at a time. The reports, their public content and
/// the figures stay; see <see cref="Complaint.ErasePersonalData"/>.
/// </summary>
public sealed class PersonalDataRetention(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<PersonalDataRetention> logger)
    : BackgroundService
{
    private const int Batch = 500;

    public static int Days(IConfiguration configuration) => configuration.GetValue("Lapor:Privacy:RetentionDays", 365);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        do
        {
            try
            {
                var erased = await EraseDueAsync(stoppingToken);
                if (erased > 0) logger.LogInformation("Erased the personal data of {Count} reports closed for more than {Days} days.", erased, Days(configuration));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Erasing personal data past its retention failed; trying again in an hour.");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Erases every report's personal data that is due; returns how many reports it erased.</summary>
    public async Task<int> EraseDueAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow().AddDays(-Days(configuration));
        ComplaintStatus[] closed = [ComplaintStatus.Selesai, ComplaintStatus.Ditutup, ComplaintStatus.Diarsipkan];
        var erased = 0;
        var after = DateTimeOffset.MinValue;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
            // Filed before the cutoff is necessary (a report closes after it is filed); its last step decides.
            var batch = await db.Complaints
                .Where(c => c.PersonalDataErasedAt == null && closed.Contains(c.Status) && c.FiledAt < cutoff && c.FiledAt > after)
                .OrderBy(c => c.FiledAt).Take(Batch).ToListAsync(cancellationToken);
            if (batch.Count == 0) return erased;
            var now = clock.GetUtcNow();
            foreach (var complaint in batch.Where(c => c.LastActivityAt < cutoff))
            {
                complaint.ErasePersonalData(now);
                erased++;
            }
            await db.SaveChangesAsync(cancellationToken);
            after = batch[^1].FiledAt;
        }
    }
}
