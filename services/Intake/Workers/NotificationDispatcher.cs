using Lapor.ServiceDefaults.Mail;
using Lapor.Intake.Domain;
using Lapor.Intake.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Intake.Workers;

/// <summary>
/// Sends queued notifications by e-mail or SMS, whichever messengers are configured. Each row is leased before sending (an update that only one
/// replica can win), so two Intake processes never send the same one; a replica that dies holding a lease leaves its
/// rows to the others once it ends (<c>Lapor:Notifications:LeaseSeconds</c>, default 300). A refusal or an unreachable
/// server schedules a retry with back-off. Logs name notification ids only, never an address or a phone number.
/// </summary>
public sealed class NotificationDispatcher(IServiceProvider services, IEnumerable<IReporterMessenger> messengers, ReporterVault vault, TimeProvider clock,
    IConfiguration configuration, ILogger<NotificationDispatcher> logger) : BackgroundService
{
    private readonly TimeSpan _lease = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Lapor:Notifications:LeaseSeconds", 300)));
    private readonly Dictionary<NotificationMedium, IReporterMessenger> _messengers = messengers.ToDictionary(m => m.Medium);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await SendDueAsync(stoppingToken) == 0) await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Notification dispatch failed; retrying.");
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
            }
        }
    }

    private async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var now = clock.GetUtcNow();
        // Each due notification with its report's sealed contact, in one query.
        var due = await db.Notifications.Where(n => n.SentAt == null && n.NextAttemptAt <= now).OrderBy(n => n.Id).Take(20)
            .Join(db.Complaints, n => n.ComplaintId, c => c.Id, (n, c) => new { Notification = n, c.SealedContact })
            .ToListAsync(cancellationToken);
        foreach (var (notification, sealedContact) in due.Select(d => (d.Notification, d.SealedContact)))
        {
            // The lease: only the process whose update matched the row as it read it sends it.
            var leased = await db.InWriteTurnAsync(() => db.Notifications
                .Where(n => n.Id == notification.Id && n.SentAt == null && n.NextAttemptAt == notification.NextAttemptAt)
                .ExecuteUpdateAsync(set => set.SetProperty(n => n.NextAttemptAt, now + _lease), cancellationToken), cancellationToken);
            if (leased == 0) continue;

            var contact = vault.Open(sealedContact);
            try
            {
                if (contact is not null && _messengers.TryGetValue(notification.Medium, out var messenger) && messenger.AddressOf(contact) is { } address)
                {
                    if (notification.Purpose == NotificationPurpose.NewAccessCode)
                    {
                        // The code is made now, sent, and only then replaces the old one: it is never stored in clear.
                        var accessCode = AccessCodes.NewAccessCode();
                        await messenger.SendAsync(address, notification.WithAccessCode(accessCode), cancellationToken);
                        (await db.Complaints.SingleAsync(c => c.Id == notification.ComplaintId, cancellationToken)).ReplaceAccessCode(accessCode);
                    }
                    else await messenger.SendAsync(address, notification, cancellationToken);
                }
                notification.Sent(clock.GetUtcNow());
            }
            catch (NotificationNotSentException e)
            {
                logger.LogWarning("Notification {Id} ({Medium}) not sent ({Reason}); will retry.", notification.Id, notification.Medium, e.Message);
                notification.Failed(clock.GetUtcNow(), SmtpMailer.RetryDelay);
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        return due.Count;
    }
}
