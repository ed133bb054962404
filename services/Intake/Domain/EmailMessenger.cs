using System.Net;
using System.Net.Mail;
using System.Text;

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

/// <summary>E-mail to reporters with the BCL's SMTP client.</summary>
public sealed class EmailMessenger(SmtpSettings smtp) : IReporterMessenger
{
    public NotificationMedium Medium => NotificationMedium.Email;

    public string? AddressOf(ReporterContact contact) => contact.Email;

    public async Task SendAsync(string address, Notification notification, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient(smtp.Host, smtp.Port) { EnableSsl = smtp.EnableSsl, Timeout = 10_000 };
        if (smtp.UserName is not null) client.Credentials = new NetworkCredential(smtp.UserName, smtp.Password);
        using var message = new MailMessage(smtp.From, address, notification.Subject, notification.Body)
        {
            SubjectEncoding = Encoding.UTF8, BodyEncoding = Encoding.UTF8,
        };
        try
        {
            await client.SendMailAsync(message, cancellationToken);
        }
        catch (SmtpException e)
        {
            throw new NotificationNotSentException($"SMTP {e.StatusCode}", e);
        }
        catch (IOException e)
        {
            throw new NotificationNotSentException(e.GetType().Name, e);
        }
    }
}
