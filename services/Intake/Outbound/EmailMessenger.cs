using Lapor.Intake.Domain;
using Lapor.ServiceDefaults.Mail;

namespace Lapor.Intake.Outbound;

/// <summary>E-mail to reporters (<see cref="SmtpMailer"/>); any refusal or broken connection is a failed attempt, retried by the dispatcher.</summary>
public sealed class EmailMessenger(SmtpMailer mailer) : IReporterMessenger
{
    public NotificationMedium Medium => NotificationMedium.Email;

    public string? AddressOf(ReporterContact contact) => contact.Email;

    public async Task SendAsync(string address, Notification notification, CancellationToken cancellationToken)
    {
        try
        {
            // A step's mail is the same text each time it is sent, so a copy sent again after a crash shares its Message-Id; a new
            // access code differs each time (only the last one sent works), so each of those is a message of its own.
            var key = notification.Purpose == NotificationPurpose.Step ? $"lapor-notification-{notification.Id}" : null;
            await mailer.SendAsync(address, notification.Subject, notification.Body, cancellationToken, key);
        }
        catch (MailNotSentException e)
        {
            throw new NotificationNotSentException(e.Message, e);
        }
    }
}
