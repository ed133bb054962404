namespace Lapor.Contracts;

// Integration events: immutable, past tense, one definition shared by every service.
// They never carry a reporter's identity or contact details; those stay in Intake.
// Evolve additively; a breaking change is a new event type.

/// <summary>Intake accepted a report. Title and text are the citizen's own words, with personal data masked.</summary>
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
    bool Confidential,
    string? Location = null) : IComplaintEvent;

/// <summary>
/// Triage (or a verifier) confirmed the report is a genuine public-service matter. No longer published: a report is
/// verified by the decision that routes it, which <see cref="ComplaintRouted.VerificationDueAt"/> now says. Kept, and
/// still applied, for the events an earlier version published: those still in the queues during an upgrade, and those
/// in analytics' kept events, which a rebuild replays.
/// </summary>
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
/// <see cref="FollowUpDueAt"/>. Carries what the desk needs to show it without asking Intake. <see cref="ClusterId"/>
/// is set when triage found it to be about the same matter as earlier reports: the id of the first of them.
/// <see cref="VerificationDueAt"/> is set on the route that also verifies the report (triage's own, or a verifier's
/// from the admin desk's queue), with the verification deadline it answers; a forward leaves it null. Verification and
/// disposition are one decision, so they travel as one event. <see cref="DecidedBy"/> and <see cref="Reason"/> say who
/// chose this route and why: a verifier's id, or the agency that forwarded the report; null when triage routed it itself.
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
    DateTimeOffset FollowUpDueAt,
    string? Location = null,
    Guid? ClusterId = null,
    DateTimeOffset? VerificationDueAt = null,
    string? DecidedBy = null,
    string? Reason = null) : IComplaintEvent;

/// <summary>An officer took a report (claimed it, or was assigned it by a supervisor).</summary>
public sealed record ComplaintAssigned(
    Guid ComplaintId,
    string TrackingId,
    int Sequence,
    DateTimeOffset OccurredAt,
    string AgencyId,
    string OfficerId) : IComplaintEvent;

/// <summary>The agency answered the citizen publicly (tindak lanjut). The first answer stops the follow-up clock.</summary>
public sealed record AgencyResponded(
    Guid ComplaintId,
    string TrackingId,
    int Sequence,
    DateTimeOffset OccurredAt,
    string AgencyId,
    string AgencyName,
    string Text,
    bool FirstResponse) : IComplaintEvent;

/// <summary>
/// The agency asked the reporter for more information (menunggu tanggapan pelapor), or a verifier put the report on
/// hold (<i>tunda</i>) for it. <see cref="AskedBy"/> is the officer or verifier who asked (staff, never the reporter);
/// null on events from earlier versions.
/// </summary>
public sealed record ReporterAsked(
    Guid ComplaintId,
    string TrackingId,
    int Sequence,
    DateTimeOffset OccurredAt,
    string AgencyId,
    string AgencyName,
    string Question,
    string? AskedBy = null) : IComplaintEvent;

/// <summary>
/// The agency says the report belongs elsewhere: to <see cref="TargetAgencyId"/>, or, when that is null,
/// simply not to it (bukan wewenang). Triage validates and re-routes.
/// </summary>
public sealed record ComplaintForwardRequested(
    Guid ComplaintId,
    string TrackingId,
    int Sequence,
    DateTimeOffset OccurredAt,
    string FromAgencyId,
    string? TargetAgencyId,
    string Reason) : IComplaintEvent;

/// <summary>The agency resolved the report with a final answer (selesai).</summary>
public sealed record ComplaintResolved(
    Guid ComplaintId,
    string TrackingId,
    int Sequence,
    DateTimeOffset OccurredAt,
    string AgencyId,
    string AgencyName,
    string Answer) : IComplaintEvent;

/// <summary>
/// A deadline passed without the step it guards: verification (3 working days from filing) or the agency's
/// follow-up (5 working days from routing). <see cref="EscalatedTo"/> is the desk that must now see to it.
/// </summary>
public sealed record SlaBreached(
    Guid ComplaintId,
    string TrackingId,
    int Sequence,
    DateTimeOffset OccurredAt,
    string Deadline,
    string AgencyId,
    DateTimeOffset DueAt,
    string EscalatedTo) : IComplaintEvent
{
    public const string Verification = "verification";
    public const string FollowUp = "follow_up";
    /// <summary>The national admin desk (LAPOR!'s verifiers): where a breach escalates when no provincial office coordinates the agency.</summary>
    public const string AdminDesk = "nas.lapor-admin";
}

/// <summary>A verifier archived the report without routing it (spam, duplicate, not a public-service matter).</summary>
public sealed record ComplaintArchived(
    Guid ComplaintId,
    string TrackingId,
    int Sequence,
    DateTimeOffset OccurredAt,
    string Reason,
    string VerifierId) : IComplaintEvent;

/// <summary>The reporter added information (answering the agency's question, or on their own). The text is theirs, masked; no identity.</summary>
public sealed record ReporterReplied(
    Guid ComplaintId,
    string TrackingId,
    int Sequence,
    DateTimeOffset OccurredAt,
    string Text) : IComplaintEvent;

/// <summary>
/// One more citizen supports (<i>dukung</i>) a public report. Carries no supporter identity; each event is one
/// supporter, so a count is the number of these events. <see cref="IComplaintEvent.Sequence"/> is the report's
/// sequence at the time (a support does not move the report forward).
/// </summary>
public sealed record ComplaintSupported(
    Guid ComplaintId,
    string TrackingId,
    int Sequence,
    DateTimeOffset OccurredAt) : IComplaintEvent;

/// <summary>
/// The reporter attached a file (JPEG, PNG or PDF) to the report. The file stays in Intake, which serves it only to
/// those entitled to the report; this says only that it exists. <see cref="IComplaintEvent.Sequence"/> is the report's
/// sequence at the time (attaching does not move the report forward).
/// </summary>
public sealed record AttachmentAdded(
    Guid ComplaintId,
    string TrackingId,
    int Sequence,
    DateTimeOffset OccurredAt,
    Guid AttachmentId,
    string ContentType,
    long Size) : IComplaintEvent;

/// <summary>The reporter rated the agency's handling, 1 (worst) to 5 (best).</summary>
public sealed record ComplaintRated(
    Guid ComplaintId,
    string TrackingId,
    int Sequence,
    DateTimeOffset OccurredAt,
    int Rating,
    string? Comment) : IComplaintEvent;

/// <summary>The reporter is not satisfied with the resolution: the report is open again and escalated.</summary>
public sealed record ComplaintReopened(
    Guid ComplaintId,
    string TrackingId,
    int Sequence,
    DateTimeOffset OccurredAt,
    string Reason) : IComplaintEvent;

/// <summary>
/// The agency's follow-up clock started again because the reporter reopened the report: the agency holding it must
/// follow it up anew by <see cref="FollowUpDueAt"/> (working days in the report's region, which triage's calendar
/// counts). Triage publishes it; the desk and the citizen's view show the new deadline, and triage's sweep escalates
/// the report if it passes unanswered.
/// </summary>
public sealed record FollowUpRestarted(
    Guid ComplaintId,
    string TrackingId,
    int Sequence,
    DateTimeOffset OccurredAt,
    string AgencyId,
    DateTimeOffset FollowUpDueAt) : IComplaintEvent;

/// <summary>
/// An agency in triage's directory was added (version 1, including the seeded directory) or edited by a verifier.
/// Other services keep the names and levels they show from it; a higher <see cref="Version"/> wins, so a late,
/// older event changes nothing. <see cref="Level"/> is <c>nasional</c>, <c>provinsi</c>, <c>kabupaten</c> or <c>kota</c>.
/// </summary>
public sealed record AgencyChanged(
    string AgencyId,
    int Version,
    DateTimeOffset OccurredAt,
    string Name,
    string Level,
    string? Region,
    IReadOnlyList<Sector> Sectors,
    string ChangedBy,
    string? Reason);

/// <summary>
/// A member of staff opened something of a report that may hold personal data (a reporter's attachment). The desk
/// keeps these for supervisors and verifiers to see who read what. Staff ids only; nothing of the reporter.
/// <see cref="What"/> is <c>report</c> or <c>attachment</c>.
/// </summary>
public sealed record ReportRead(
    Guid ComplaintId,
    string TrackingId,
    DateTimeOffset OccurredAt,
    string ReaderId,
    string ReaderRole,
    string? ReaderAgencyId,
    string What)
{
    public const string Report = "report";
    public const string Attachment = "attachment";
}
