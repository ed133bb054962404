namespace Lapor.Intake.Domain;

/// <summary>One way of reaching reporters (e-mail, SMS), present only when it is configured.</summary>
public interface IReporterMessenger
{
    NotificationMedium Medium { get; }

    /// <summary>Where this medium reaches the reporter, or null when they left no such address.</summary>
    string? AddressOf(ReporterContact contact);

    /// <summary>Sends it; throws <see cref="NotificationNotSentException"/> when the other side refused or could not be reached.</summary>
    Task SendAsync(string address, Notification notification, CancellationToken cancellationToken);
}

/// <summary>The mail server or SMS gateway did not take the message; it is tried again later.</summary>
public sealed class NotificationNotSentException(string reason, Exception? inner = null) : Exception(reason, inner);
