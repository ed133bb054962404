using System.Text.Json;
using Lapor.Contracts;
using Lapor.Intake.Domain;
using Lapor.Intake.Persistence;
using Lapor.ServiceDefaults;
using Lapor.ServiceDefaults.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Intake.Api;

/// <summary>What became of a report handed to <see cref="ReportFiling"/>; each channel answers it in its own format.</summary>
public abstract record FilingOutcome
{
    /// <summary>Stored with its event in one transaction — or, for a retry with the same idempotency key and body, the receipt the first attempt got.</summary>
    public sealed record Filed(ComplaintReceipt Receipt) : FilingOutcome;

    /// <summary>Nothing stored: these fields (the request's names) are wrong.</summary>
    public sealed record Invalid(IDictionary<string, string[]> Errors) : FilingOutcome;

    /// <summary>Nothing stored: the idempotency key was used for a different report.</summary>
    public sealed record KeyReused : FilingOutcome;
}

/// <summary>
/// Files a report that arrived on any channel — the JSON API, the portal, a service counter, Open311, an SMS or
/// social-media gateway: validation, the idempotency replay, the report and its <see cref="ComplaintSubmitted"/> event
/// in one transaction, with the confirmation the reporter is sent when they left a contact. An idempotency key counts
/// within its channel and caller only (<see cref="IdempotentRequest.Scoped"/>): a key the SMS gateway used can neither
/// be replayed through the public API nor taken first to block the real message.
/// </summary>
public sealed class ReportFiling(IntakeDbContext db, ReporterVault vault, IEnumerable<IReporterMessenger> messengers, TimeProvider clock)
{
    /// <param name="owner">The signed-in citizen's <see cref="OwnerKeys">owner key</see>, whose "Laporan saya" lists the report; null for none.</param>
    public async Task<FilingOutcome> FileAsync(SubmitComplaintRequest? request, string? idempotencyKey, Channel channel, string? caller,
        CancellationToken cancellationToken, string? owner = null)
    {
        if (request is null) return Invalid("body", "A JSON request body is required.");
        if (idempotencyKey is { Length: 0 or > IdempotentRequest.MaximumKeyLength })
            return Invalid(ComplaintsApi.IdempotencyKeyHeader, $"1 to {IdempotentRequest.MaximumKeyLength} characters.");
        var (report, errors) = request.Validate(clock.GetUtcNow());
        if (report is null) return new FilingOutcome.Invalid(errors);

        var requestHash = IdempotentRequest.Hash(JsonSerializer.Serialize(request, LaporJson.Options));
        idempotencyKey = idempotencyKey is null ? null : IdempotentRequest.Scoped(channel, caller, idempotencyKey);
        if (idempotencyKey is not null && await ReplayAsync(idempotencyKey, requestHash, cancellationToken) is { } replayed) return replayed;

        var now = clock.GetUtcNow();
        var (complaint, accessCode) = Complaint.File(report, channel, now, vault.Seal(report.Contact));
        var receipt = new ComplaintReceipt(complaint.TrackingId, accessCode, complaint.Status, Deadlines.Standard);
        if (owner is not null) complaint.BelongTo(owner);
        db.Complaints.Add(complaint);
        db.AddToOutbox(complaint.Submitted());
        // The reporter who left a contact hears that the report was taken (an SMS report's reply already said so).
        if (report.Contact is { } contact)
            foreach (var messenger in messengers.Where(m => m.AddressOf(contact) is not null && !(channel == Channel.Sms && m.Medium == NotificationMedium.Sms)))
                db.Notifications.Add(Notification.Filed(complaint, messenger.Medium, Deadlines.Standard.VerifyWithinWorkingDays, now));
        if (idempotencyKey is not null)
            db.IdempotentRequests.Add(new IdempotentRequest
            {
                Key = idempotencyKey, RequestHash = requestHash, ComplaintId = complaint.Id, CreatedAt = now,
                SealedResponse = vault.SealText(JsonSerializer.Serialize(receipt, LaporJson.Options)),
            });

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (idempotencyKey is not null)
        {
            // The same key won a race a moment ago: nothing of ours was stored; answer as the winner did.
            db.ChangeTracker.Clear();
            return await ReplayAsync(idempotencyKey, requestHash, cancellationToken)
                ?? throw new InvalidOperationException("Idempotency conflict without a stored request.");
        }
        LaporTelemetry.ReportsFiled.Add(1, new("channel", LaporJson.WireName(complaint.Channel)), new("type", LaporJson.WireName(complaint.Type)));
        return new FilingOutcome.Filed(receipt);
    }

    private async Task<FilingOutcome?> ReplayAsync(string key, string requestHash, CancellationToken cancellationToken)
    {
        var earlier = await db.IdempotentRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Key == key, cancellationToken);
        if (earlier is null) return null;
        if (earlier.CreatedAt < clock.GetUtcNow() - IdempotentRequest.Lifetime)
        {
            // Expired: the key is free again.
            await db.InWriteTurnAsync(() => db.IdempotentRequests.Where(r => r.Key == key).ExecuteDeleteAsync(cancellationToken), cancellationToken);
            return null;
        }
        if (earlier.RequestHash != requestHash) return new FilingOutcome.KeyReused();
        return new FilingOutcome.Filed(JsonSerializer.Deserialize<ComplaintReceipt>(vault.OpenText(earlier.SealedResponse), LaporJson.Options)!);
    }

    private static FilingOutcome.Invalid Invalid(string field, string message) => new(new Dictionary<string, string[]> { [field] = [message] });
}
