using Lapor.Contracts;

namespace Lapor.Triage.Domain;

/// <summary>A report as triage keeps it: its route, its deadlines and the sequence of the events about it.</summary>
public sealed class TriagedComplaint
{
    private TriagedComplaint() { }

    public Guid ComplaintId { get; private set; }
    public string TrackingId { get; private set; } = "";
    public ReportType Type { get; private set; }
    public Sector Sector { get; private set; }
    public string? Region { get; private set; }
    public string AgencyId { get; private set; } = "";
    public double Confidence { get; private set; }
    public DateTimeOffset FiledAt { get; private set; }
    public DateTimeOffset VerificationDueAt { get; private set; }
    public DateTimeOffset? RoutedAt { get; private set; }
    public DateTimeOffset? FollowUpDueAt { get; private set; }
    public int Sequence { get; private set; }

    /// <summary>Applies a decision to a newly filed report and returns the events it causes.</summary>
    public static (TriagedComplaint, IReadOnlyList<IComplaintEvent>) Triage(
        ComplaintSubmitted filed, RoutingDecision decision, WorkingCalendar calendar, DateTimeOffset now)
    {
        var complaint = new TriagedComplaint
        {
            ComplaintId = filed.ComplaintId,
            TrackingId = filed.TrackingId,
            Type = decision.Type,
            Sector = decision.Sector,
            Region = decision.Region,
            AgencyId = decision.AgencyId,
            Confidence = decision.Confidence,
            FiledAt = filed.OccurredAt,
            VerificationDueAt = calendar.AddWorkingDays(filed.OccurredAt, 3, decision.Region),
            Sequence = filed.Sequence,
        };
        if (decision.AgencyId == Agency.AdminDesk) return (complaint, []);

        complaint.RoutedAt = now;
        complaint.FollowUpDueAt = calendar.AddWorkingDays(now, 5, decision.Region);
        var verified = new ComplaintVerified(complaint.ComplaintId, complaint.TrackingId, ++complaint.Sequence, now,
            decision.Type, decision.Sector, complaint.VerificationDueAt);
        var routed = new ComplaintRouted(complaint.ComplaintId, complaint.TrackingId, ++complaint.Sequence, now,
            decision.Type, decision.Sector, decision.Region, decision.AgencyId, decision.AgencyName, decision.Confidence,
            filed.Title, filed.Text, filed.Confidential, filed.OccurredAt, complaint.FollowUpDueAt.Value);
        return (complaint, [verified, routed]);
    }
}
