using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Configuration;
using MimeKit;
using MimeKit.Text;

namespace Lapor.ServiceDefaults.Mail;

/// <summary>Where Lapor's e-mail goes out: <c>Lapor:Notifications:Smtp</c> (Host, Port, From, EnableSsl, UserName, Password); no host, no e-mail.</summary>
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

/// <summary>The mail server did not take the message (refused, unreachable, broken connection); it is tried again later.</summary>
public sealed class MailNotSentException(string reason, Exception? inner = null) : Exception(reason, inner);

/// <summary>Plain-text e-mail with MailKit, one connection per message (STARTTLS when <c>EnableSsl</c>).</summary>
public sealed class SmtpMailer(SmtpSettings smtp)
{
    /// <summary>How long a message the other side did not take waits before its next attempt: 2, 4, 8 … seconds, at most an hour.</summary>
    public static TimeSpan RetryDelay(int attempts) => TimeSpan.FromSeconds(Math.Min(3600, Math.Pow(2, Math.Min(attempts, 12))));

    /// <summary>
    /// Sends it; throws <see cref="MailNotSentException"/> when the server refused it or could not be reached. Give
    /// <paramref name="key"/> (unique per message, e.g. its row) when a crash after sending may send the same message
    /// again: both copies then carry one Message-Id, which mail servers and readers use to show it once.
    /// </summary>
    public async Task SendAsync(string address, string subject, string body, CancellationToken cancellationToken, string? key = null)
    {
        using var message = new MimeMessage();
        var from = MailboxAddress.Parse(smtp.From);
        message.From.Add(from);
        if (key is not null) message.MessageId = $"{key}@{from.Domain}";
        message.To.Add(MailboxAddress.Parse(address));
        message.Subject = subject;
        message.Body = new TextPart(TextFormat.Plain) { Text = body };
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
            throw new MailNotSentException(e is SmtpCommandException command ? $"SMTP {(int)command.StatusCode}" : e.GetType().Name, e);
        }
    }
}
