using Lapor.Contracts;

namespace Lapor.Intake.Domain;

/// <summary>
/// One step of a report's history as the citizen sees it; <see cref="DueAt"/> is the deadline the step set or met
/// (verification's, or the agency's follow-up after a routing or a reopening), as triage counted it in working days.
/// </summary>
public sealed record TimelineEntry(int Sequence, DateTimeOffset At, TimelineStep Step, ComplaintStatus Status, string? Detail, DateTimeOffset? DueAt = null);

public enum TimelineStep
{
    Filed,
    Verified,
    Routed,
    Forwarded,
    AgencyAsked,
    AgencyResponded,
    Resolved,
    Archived,
    ReporterReplied,
    Rated,
    Reopened,
}
