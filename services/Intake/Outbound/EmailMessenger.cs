using Lapor.Intake.Domain;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using MimeKit.Text;

namespace Lapor.Intake.Outbound;

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

/// <summary>E-mail to reporters with MailKit (STARTTLS when <c>EnableSsl</c>); any refusal or broken connection is a failed attempt, retried by the dispatcher.</summary>
public sealed class EmailMessenger(SmtpSettings smtp) : IReporterMessenger
{
    public NotificationMedium Medium => NotificationMedium.Email;

    public string? AddressOf(ReporterContact contact) => contact.Email;

    public async Task SendAsync(string address, Notification notification, CancellationToken cancellationToken)
    {
        using var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(smtp.From));
        message.To.Add(MailboxAddress.Parse(address));
        message.Subject = notification.Subject;
        message.Body = new TextPart(TextFormat.Plain) { Text = notification.Body };
        using var client = new SmtpClient { Timeout = 10_000 };
        try
        {
            await client.ConnectAsync(smtp.Host, smtp.Port, smtp.EnableSsl ? SecureSocketOptions.StartTls : SecureSocketOptions.None, cancellationToken);
            if (smtp.UserName is not null) await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception e) when (e is CommandException or ProtocolException or IOException or SocketException or AuthenticationException)
        {
            throw new NotificationNotSentException(e is SmtpCommandException command ? $"SMTP {(int)command.StatusCode}" : e.GetType().Name, e);
        }
    }
}
