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
            await mailer.SendAsync(address, notification.Subject, notification.Body, cancellationToken);
        }
        catch (MailNotSentException e)
        {
            throw new NotificationNotSentException(e.Message, e);
        }
    }
}
