using System.Net;
using System.Net.Mail;
using System.Text;
using Lapor.Intake.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Intake.Domain;

/// <summary>Where reporters' e-mail goes out: <c>Lapor:Notifications:Smtp</c> (Host, Port, From, EnableSsl, UserName, Password).</summary>
public sealed record SmtpSettings(string Host, int Port, string From, bool EnableSsl, string? UserName, string? Password)
{
    public static SmtpSettings? Read(IConfiguration configuration)
    {
        var smtp = configuration.GetSection("Lapor:Notifications:Smtp");
        return smtp["Host"] is { Length: > 0 } host
            ? new SmtpSettings(host, smtp.GetValue("Port", 25), smtp["From"] ?? "lapor@localhost", smtp.GetValue("EnableSsl", false), smtp["UserName"], smtp["Password"])
            : null;
    }
}

/// <summary>
/// Sends queued notifications with the BCL's SMTP client. Each row is leased before sending (an update that only one
/// replica can win), so two Intake processes never send the same one; a refusal or an unreachable server schedules
/// a retry with back-off. Logs name notification ids only, never an address.
/// </summary>
public sealed class NotificationDispatcher(IServiceProvider services, SmtpSettings smtp, ReporterVault vault, TimeProvider clock,
    ILogger<NotificationDispatcher> logger) : BackgroundService
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

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
            var leased = await db.Notifications.Where(n => n.Id == notification.Id && n.SentAt == null && n.NextAttemptAt == notification.NextAttemptAt)
                .ExecuteUpdateAsync(set => set.SetProperty(n => n.NextAttemptAt, now + Lease), cancellationToken);
            if (leased == 0) continue;

            var contact = vault.Open(sealedContact);
            try
            {
                if (contact?.Email is { } email) await SendAsync(email, notification, cancellationToken);
                notification.Sent(clock.GetUtcNow());
            }
            catch (SmtpException e)
            {
                logger.LogWarning("Notification {Id} not sent ({Status}); will retry.", notification.Id, e.StatusCode);
                notification.Failed(clock.GetUtcNow());
            }
            catch (IOException e)
            {
                logger.LogWarning("Notification {Id} not sent ({Error}); will retry.", notification.Id, e.GetType().Name);
                notification.Failed(clock.GetUtcNow());
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        return due.Count;
    }

    private async Task SendAsync(string to, Notification notification, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient(smtp.Host, smtp.Port) { EnableSsl = smtp.EnableSsl, Timeout = 10_000 };
        if (smtp.UserName is not null) client.Credentials = new NetworkCredential(smtp.UserName, smtp.Password);
        using var message = new MailMessage(smtp.From, to, notification.Subject, notification.Body)
        {
            SubjectEncoding = Encoding.UTF8, BodyEncoding = Encoding.UTF8,
        };
        await client.SendMailAsync(message, cancellationToken);
    }
}
