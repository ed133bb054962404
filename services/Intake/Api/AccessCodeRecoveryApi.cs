using Lapor.Intake.Domain;
using Lapor.Intake.Persistence;
using Lapor.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lapor.Intake.Api;

/// <summary>
/// A lost access code is not a lost report: a reporter who left an e-mail address or a phone number asks for a fresh
/// code by tracking id alone, and it goes to that contact (never to the caller), the old one stopping when it is sent.
/// The answer is the same whether the report exists, has a contact or not, so the endpoint tells nobody anything; it
/// is limited per report (so a reporter is not flooded) and per network.
/// </summary>
public static class AccessCodeRecoveryApi
{
    public sealed record RecoveryAnswer(string Message);

    /// <summary>What every caller is told, whatever there was to send.</summary>
    public const string Answer = "Jika laporan itu ada dan pelapornya meninggalkan e-mail atau nomor telepon, kode akses baru sudah dikirim ke sana; kode lama berhenti berlaku saat kode baru terkirim.";

    public static IEndpointRouteBuilder MapAccessCodeRecoveryApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/complaints/{trackingId}/access-code/recovery", RecoverAsync).WithTags("Complaints").WithName("RecoverAccessCode")
            .WithSummary("Send a fresh access code to the contact the reporter left; the same answer whether or not there is one.");
        return app;
    }

    public static async Task<Accepted<RecoveryAnswer>> RecoverAsync(string trackingId, HttpContext http, IntakeDbContext db, ReporterVault vault,
        AccessCodeRecoveryLimits limits, TimeProvider clock, CancellationToken cancellationToken)
    {
        limits.ThrowIfSpent(trackingId, http.Connection.RemoteIpAddress);
        if (await db.Complaints.ByTrackingIdAsync(trackingId, cancellationToken) is { } complaint && vault.Open(complaint.SealedContact) is { } contact
            && (contact.Email is not null ? NotificationMedium.Email : contact.Phone is not null ? NotificationMedium.Sms : (NotificationMedium?)null) is { } medium)
        {
            db.Notifications.Add(Notification.NewAccessCode(complaint, medium, clock.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
        }
        return TypedResults.Accepted((string?)null, new RecoveryAnswer(Answer));
    }
}

/// <summary>
/// How often a fresh access code may be asked for: per tracking id (whether it exists or not: 3 a day,
/// <c>Lapor:RateLimits:AccessCodeRecoveriesPerReport</c>) and per network (20 an hour, <c>…PerAddress</c>). In memory.
/// </summary>
public sealed class AccessCodeRecoveryLimits(IConfiguration configuration, TimeProvider clock)
{
    private readonly int _perReport = configuration.GetValue("Lapor:RateLimits:AccessCodeRecoveriesPerReport", 3);
    private readonly int _perAddress = configuration.GetValue("Lapor:RateLimits:AccessCodeRecoveriesPerAddress", 20);
    private readonly FixedWindowCounter _reports = new(TimeSpan.FromDays(1), clock);
    private readonly FixedWindowCounter _addresses = new(TimeSpan.FromHours(1), clock);

    public void ThrowIfSpent(string trackingId, System.Net.IPAddress? address)
    {
        var (report, network) = (FixedWindowCounter.ReportKey(trackingId), FixedWindowCounter.AddressKey(address));
        if ((_addresses.Blocked(network, _perAddress) ?? _reports.Blocked(report, _perReport)) is { } wait)
            throw new TooManyAttemptsException("Too many requests for a new access code. Try again later.", wait);
        _addresses.Add(network);
        _reports.Add(report);
    }
}
