using Lapor.Intake.Domain;
using System.Net.Http.Json;
using Lapor.Intake.Api;

namespace Lapor.Intake.Outbound;

/// <summary>
/// The operator's SMS gateway that sends reporters' text messages: <c>Lapor:Notifications:Sms:Url</c>. Lapor posts
/// <c>{ to, text, reference }</c> there with the channel secret (<c>Lapor:Channels:Secret</c>, the same gateway's
/// inbound secret) in <c>X-Lapor-Channel-Secret</c>; <c>reference</c> is stable per notification, so a gateway
/// can drop a message Lapor had to send again.
/// </summary>
public sealed record SmsSettings(Uri Url, string Secret)
{
    public static SmsSettings? Read(IConfiguration configuration) =>
        configuration["Lapor:Notifications:Sms:Url"] is { Length: > 0 } url && configuration["Lapor:Channels:Secret"] is { Length: >= SharedSecret.MinimumLength } secret
            ? new SmsSettings(new Uri(url), secret)
            : null;
}

public sealed class SmsMessenger(SmsSettings sms, IHttpClientFactory clients) : IReporterMessenger
{
    public const string ClientName = "sms-gateway";

    public NotificationMedium Medium => NotificationMedium.Sms;

    public string? AddressOf(ReporterContact contact) => contact.Phone;

    public async Task SendAsync(string address, Notification notification, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, sms.Url)
        {
            Content = JsonContent.Create(new { to = address, text = notification.Body, reference = $"lapor-notification-{notification.Id}" }),
        };
        request.Headers.Add(MessagingChannelsApi.SecretHeader, sms.Secret);
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode) throw new NotificationNotSentException($"SMS gateway answered {(int)response.StatusCode}");
        }
        catch (HttpRequestException e)
        {
            throw new NotificationNotSentException(e.HttpRequestError.ToString(), e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new NotificationNotSentException("SMS gateway timed out", e);
        }
    }
}
