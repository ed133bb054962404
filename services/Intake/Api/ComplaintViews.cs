using Lapor.Contracts;
using Lapor.Intake.Domain;

namespace Lapor.Intake.Api;

/// <summary>The answer to a filed report. The access code appears here once and is never shown again.</summary>
public sealed record ComplaintReceipt(string TrackingId, string AccessCode, ComplaintStatus Status, Deadlines Deadlines);

/// <summary>
/// The deadlines that apply, in working days (Monday to Friday, national holidays excluded): verification
/// and routing after filing, and the agency's follow-up after routing. The exact follow-up date appears in
/// the tracking view once the report is routed.
/// </summary>
public sealed record Deadlines(int VerifyWithinWorkingDays, int FollowUpWithinWorkingDays)
{
    public static readonly Deadlines Standard = new(ReportLifecycle.VerificationWorkingDays, ReportLifecycle.FollowUpWorkingDays);
}

/// <summary>What the citizen sees when following a report.</summary>
public sealed record ComplaintTracking(
    string TrackingId,
    ReportType Type,
    string Title,
    ComplaintStatus Status,
    string? AgencyId,
    string? AgencyName,
    DateTimeOffset FiledAt,
    DateTimeOffset? FollowUpDueAt,
    string? Location,
    DateOnly? IncidentDate,
    IReadOnlyList<TimelineView> Timeline,
    string StatusLabel,
    bool CanRate)
{
    /// <summary>The view with its labels in Bahasa Indonesia, or in English when <paramref name="english"/>.</summary>
    public static ComplaintTracking From(Complaint c, DateTimeOffset now, bool english = false) => new(
        c.TrackingId, c.Type, c.Title, c.Status, c.AgencyId, c.AgencyName, c.FiledAt, c.FollowUpDueAt, c.Location, c.IncidentDate,
        c.Timeline.OrderBy(t => t.At).ThenBy(t => t.Sequence).ThenBy(t => t.Step)
            .Select(t => new TimelineView(t.At, t.Step, t.Status, t.Detail, TimelineLabels.Of(t.Step, english), t.DueAt, c.DeadlineKept(t, now))).ToList(),
        TimelineLabels.Of(c.Status, english),
        c.CanRate);
}

/// <summary>
/// One step of the timeline; <see cref="Label"/> says it in the citizen's language. <see cref="DueAt"/> is the deadline
/// the step carries (verification's, or the agency's follow-up after a routing or reopening) and <see cref="DeadlineKept"/>
/// whether it was kept: true or false once known, null while it is still running.
/// </summary>
public sealed record TimelineView(DateTimeOffset At, TimelineStep Step, ComplaintStatus Status, string? Detail, string Label,
    DateTimeOffset? DueAt = null, bool? DeadlineKept = null);
