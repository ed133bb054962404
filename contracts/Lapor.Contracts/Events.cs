namespace Lapor.Contracts;

// Integration events: immutable, past tense, one definition shared by every service.
// They never carry a reporter's identity or contact details; those stay in Intake.
// Evolve additively; a breaking change is a new event type.

/// <summary>Intake accepted a report. Title and text are the citizen's own words, as filed.</summary>
public sealed record ComplaintSubmitted(
    Guid ComplaintId,
    string TrackingId,
    int Sequence,
    DateTimeOffset OccurredAt,
    ReportType Type,
    string Title,
    string Text,
    Sector? Sector,
    string? Region,
    Channel Channel,
    bool Anonymous,
    bool Confidential) : IComplaintEvent;

/// <summary>Triage (or a verifier) confirmed the report is a genuine public-service matter.</summary>
public sealed record ComplaintVerified(
    Guid ComplaintId,
    string TrackingId,
    int Sequence,
    DateTimeOffset OccurredAt,
    ReportType Type,
    Sector Sector,
    DateTimeOffset VerificationDueAt) : IComplaintEvent;

/// <summary>
/// The report was routed (disposisi) to the agency responsible for it, which must follow it up by
/// <see cref="FollowUpDueAt"/>. Carries what the desk needs to show it without asking Intake.
/// </summary>
public sealed record ComplaintRouted(
    Guid ComplaintId,
    string TrackingId,
    int Sequence,
    DateTimeOffset OccurredAt,
    ReportType Type,
    Sector Sector,
    string? Region,
    string AgencyId,
    string AgencyName,
    double Confidence,
    string Title,
    string Text,
    bool Confidential,
    DateTimeOffset FiledAt,
    DateTimeOffset FollowUpDueAt) : IComplaintEvent;
