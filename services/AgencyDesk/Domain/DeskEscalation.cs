using Lapor.Contracts;
using Lapor.ServiceDefaults.Problems;

namespace Lapor.AgencyDesk.Domain;

/// <summary>
/// A missed deadline that landed at the desk it escalates to (<see cref="SlaBreached.EscalatedTo"/>): the province's
/// coordinating office for a kabupaten/kota office, the national admin desk for the rest. That desk sees the breach,
/// the agency that missed it and how long the report has waited, and chases the agency with a note it reads on the
/// report, takes the report over, or forwards it to the agency it belongs to. One item per missed deadline.
/// </summary>
public sealed class DeskEscalation
{
    private DeskEscalation() { }

    public long Id { get; private set; }
    public Guid ComplaintId { get; private set; }
    public string TrackingId { get; private set; } = "";
    /// <summary><see cref="SlaBreached.Verification"/> or <see cref="SlaBreached.FollowUp"/>.</summary>
    public string Deadline { get; private set; } = "";
    public string AgencyId { get; private set; } = "";
    public string EscalatedTo { get; private set; } = "";
    public DateTimeOffset DueAt { get; private set; }
    public DateTimeOffset BreachedAt { get; private set; }
    public DateTimeOffset? ChasedAt { get; private set; }
    public string? ChasedBy { get; private set; }
    /// <summary>When and by whom the escalation desk marked it seen (handled, or left to the agency), so the list shows what is new.</summary>
    public DateTimeOffset? AcknowledgedAt { get; private set; }
    public string? AcknowledgedBy { get; private set; }

    /// <summary>Marks it seen; the first acknowledgement stays.</summary>
    public void Acknowledge(string officerId, DateTimeOffset now)
    {
        if (AcknowledgedAt is not null) return;
        (AcknowledgedAt, AcknowledgedBy) = (now, officerId);
    }

    public static DeskEscalation Of(SlaBreached breach) => new()
    {
        ComplaintId = breach.ComplaintId, TrackingId = breach.TrackingId, Deadline = breach.Deadline, AgencyId = breach.AgencyId,
        EscalatedTo = breach.EscalatedTo, DueAt = breach.DueAt, BreachedAt = breach.OccurredAt,
    };

    /// <summary>Chases the agency that missed the deadline: the note goes on the report, where its officers read it.</summary>
    public void Chase(DeskComplaint report, string escalationDesk, string officerId, string text, DateTimeOffset now)
    {
        report.AddNote(officerId, $"Teguran dari {escalationDesk} (tenggat terlewat): {text}", now);
        ChasedAt = now;
        ChasedBy = officerId;
    }

    /// <summary>
    /// Takes the report away from the agency that missed the deadline: to <paramref name="target"/>, or to the escalation
    /// desk itself (a take-over) when that is null. The agency reads why on the report; triage re-routes it.
    /// </summary>
    public ComplaintForwardRequested Redirect(DeskComplaint report, string escalationDesk, string officerId, string? target, string reason, DateTimeOffset now)
    {
        if (report.AgencyId != AgencyId) throw new ConflictException($"The report is no longer with {AgencyId}.");
        var forwarded = report.Forward(target ?? escalationDesk, $"{(target is null ? "Diambil alih" : "Dialihkan")} oleh {escalationDesk} (tenggat terlewat): {reason}", now);
        report.AddNote(officerId, $"{(target is null ? "Diambil alih oleh" : $"Dialihkan ke {target} oleh")} {escalationDesk} (tenggat terlewat): {reason}", now);
        return forwarded;
    }
}
