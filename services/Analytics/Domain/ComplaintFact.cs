using Lapor.Contracts;

namespace Lapor.Analytics.Domain;

/// <summary>
/// One row per report with the dimensions oversight slices by. Each event fills what it knows; the status
/// follows the event with the highest sequence, so duplicates and out-of-order arrivals give the same row.
/// </summary>
public sealed class ComplaintFact
{
    private ComplaintFact() { }

    public Guid ComplaintId { get; private set; }
    public string TrackingId { get; private set; } = "";
    /// <summary>The first report of the matter this one repeats (from triage); null when it is the first.</summary>
    public Guid? ClusterId { get; private set; }
    /// <summary>Citizens who support (<i>dukung</i>) it: one per <see cref="ComplaintSupported"/> event.</summary>
    public int Supports { get; private set; }
    public ReportType? Type { get; private set; }
    public Sector? Sector { get; private set; }
    public string? Region { get; private set; }
    public Channel? Channel { get; private set; }
    public string? AgencyId { get; private set; }
    public ComplaintStatus Status { get; private set; }
    public int StatusSequence { get; private set; }
    public DateTimeOffset? FiledAt { get; private set; }
    public DateTimeOffset? VerifiedAt { get; private set; }
    public DateTimeOffset? VerificationDueAt { get; private set; }
    public bool VerificationBreached { get; private set; }
    public DateTimeOffset? FirstBreachedAt { get; private set; }
    public DateTimeOffset? RoutedAt { get; private set; }
    public DateTimeOffset? FollowUpDueAt { get; private set; }
    public DateTimeOffset? FirstRespondedAt { get; private set; }
    public DateTimeOffset? ResolvedAt { get; private set; }
    public int Forwards { get; private set; }
    public int Breaches { get; private set; }
    public int? Rating { get; private set; }
    public bool Reopened { get; private set; }
    /// <summary>The latest reopening whose new follow-up deadline triage announced, and that deadline.</summary>
    public DateTimeOffset? ReopenedAt { get; private set; }
    public DateTimeOffset? ReopenedFollowUpDueAt { get; private set; }
    /// <summary>The agency's latest answer or resolution: after <see cref="ReopenedAt"/>, the reopened report is answered.</summary>
    public DateTimeOffset? LastRespondedAt { get; private set; }

    /// <summary>
    /// Since when, and by when, an open report that had its first answer is owed another: the reporter reopened it
    /// (by triage's new deadline), or it was forwarded after an answer (by the new agency's); null when it is not.
    /// </summary>
    public (DateTimeOffset Since, DateTimeOffset DueAt)? AnswerOwedAgain
    {
        get
        {
            if (!IsOpen || FirstRespondedAt is null) return null;
            (DateTimeOffset Since, DateTimeOffset DueAt)? owed = ReopenedAt is { } reopened && ReopenedFollowUpDueAt is { } reopenedDue ? (reopened, reopenedDue) : null;
            if (RoutedAt is { } routed && FollowUpDueAt is { } due && routed > FirstRespondedAt && !(owed?.Since > routed)) owed = (routed, due);
            return owed is { } o && !(LastRespondedAt > o.Since) ? o : null;
        }
    }

    public static ComplaintFact For(Guid complaintId) => new() { ComplaintId = complaintId };

    public void Apply(IComplaintEvent e)
    {
        if (TrackingId.Length == 0) TrackingId = e.TrackingId;
        switch (e)
        {
            case ComplaintSubmitted s:
                Type ??= s.Type;
                Sector ??= s.Sector;
                Region ??= s.Region;
                Channel = s.Channel;
                FiledAt = s.OccurredAt;
                break;
            case ComplaintVerified v:
                Type = v.Type;
                Sector = v.Sector;
                VerifiedAt = v.OccurredAt;
                VerificationDueAt = v.VerificationDueAt;
                break;
            case ComplaintRouted r:
                Type = r.Type;
                Sector = r.Sector;
                Region = r.Region ?? Region;
                AgencyId = r.AgencyId;
                RoutedAt = r.OccurredAt;
                FollowUpDueAt = r.FollowUpDueAt;
                ClusterId = r.ClusterId ?? ClusterId;
                if (r.VerificationDueAt is { } verificationDue)
                {
                    VerifiedAt ??= r.OccurredAt;
                    VerificationDueAt = verificationDue;
                }
                break;
            case ComplaintForwardRequested:
                Forwards++;
                break;
            case ComplaintSupported:
                Supports++;
                break;
            case ComplaintRated rated:
                Rating = rated.Rating;
                break;
            case ComplaintReopened:
                Reopened = true;
                break;
            case FollowUpRestarted restarted:
                if (restarted.OccurredAt <= ReopenedAt) break; // an earlier reopening's, arriving late
                ReopenedAt = restarted.OccurredAt;
                ReopenedFollowUpDueAt = restarted.FollowUpDueAt;
                break;
            case SlaBreached breached:
                Breaches++;
                if (breached.Deadline == SlaBreached.Verification) VerificationBreached = true;
                if (FirstBreachedAt is null || breached.OccurredAt < FirstBreachedAt) FirstBreachedAt = breached.OccurredAt;
                break;
            case AgencyResponded responded:
                if (FirstRespondedAt is null || responded.OccurredAt < FirstRespondedAt) FirstRespondedAt = responded.OccurredAt;
                if (!(responded.OccurredAt <= LastRespondedAt)) LastRespondedAt = responded.OccurredAt;
                break;
            case ComplaintResolved resolved:
                ResolvedAt = resolved.OccurredAt;
                if (FirstRespondedAt is null || resolved.OccurredAt < FirstRespondedAt) FirstRespondedAt = resolved.OccurredAt;
                if (!(resolved.OccurredAt <= LastRespondedAt)) LastRespondedAt = resolved.OccurredAt;
                break;
        }
        Advance(e);
    }

    public bool IsOpen => ReportLifecycle.IsOpen(Status);

    /// <summary>Moves the status to the one the event leads to, if it leads to one and is the newest such event seen.</summary>
    private void Advance(IComplaintEvent e)
    {
        if (e.Sequence <= StatusSequence || ReportLifecycle.StatusAfter(e, Status, routed: RoutedAt is not null) is not { } status) return;
        Status = status;
        StatusSequence = e.Sequence;
    }
}
