using Lapor.Contracts;

namespace Lapor.Intake.Domain;

/// <summary>One step of a report's history as the citizen sees it.</summary>
public sealed record TimelineEntry(int Sequence, DateTimeOffset At, TimelineStep Step, ComplaintStatus Status, string? Detail);

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
