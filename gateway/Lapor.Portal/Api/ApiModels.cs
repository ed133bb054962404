using Lapor.Contracts;

namespace Lapor.Portal.Api;

// The shapes of the services' public answers, as the portal reads them. Services share no code with the
// portal beyond the contracts' enums: these records are the portal's own view of each API.

public sealed record FileReport(ReportType Type, string Title, string Text, Sector? Sector, string? Region, bool Anonymous, bool Confidential,
    ContactDetails? Contact, string? Location, DateOnly? IncidentDate);

public sealed record ContactDetails(string? Name, string? Email, string? Phone);

public sealed record Receipt(string TrackingId, string AccessCode, ComplaintStatus Status, Deadlines? Deadlines);

public sealed record Deadlines(int VerifyWithinWorkingDays, int FollowUpWithinWorkingDays);

public sealed record Tracking(string TrackingId, ReportType Type, string Title, ComplaintStatus Status, string? AgencyId, string? AgencyName,
    DateTimeOffset FiledAt, DateTimeOffset? FollowUpDueAt, string? Location, DateOnly? IncidentDate, IReadOnlyList<TimelineStep> Timeline, bool CanRate = false);

public sealed record TimelineStep(DateTimeOffset At, string Step, ComplaintStatus Status, string? Detail, DateTimeOffset? DueAt = null, bool? DeadlineKept = null);

public sealed record AgencyEntry(string Id, string Name, string Level, string? Region, IReadOnlyList<Sector> Sectors);

public sealed record InboxPage(string AgencyId, IReadOnlyList<InboxItem> Items, string? NextCursor, IReadOnlyDictionary<string, int> CountsByStatus);

public sealed record InboxItem(string TrackingId, ReportType Type, Sector Sector, string? Region, string Title, ComplaintStatus Status,
    string? AssignedTo, DateTimeOffset RoutedAt, DateTimeOffset FollowUpDueAt, bool Overdue);

public sealed record DeskReport(string TrackingId, ReportType Type, Sector Sector, string? Region, string Title, string Text, string? Location, bool Confidential,
    ComplaintStatus Status, bool AwaitingReroute, string AgencyId, string? AssignedTo, DateTimeOffset FiledAt, DateTimeOffset RoutedAt,
    DateTimeOffset FollowUpDueAt, DateTimeOffset? FirstRespondedAt, IReadOnlyList<DeskMessage> Conversation, IReadOnlyList<DeskNote> Notes,
    IReadOnlyList<DeskRouteStep> RouteHistory, IReadOnlyList<DuplicateReport>? Duplicates = null, IReadOnlyList<DeskAttachment>? Attachments = null);

public sealed record DeskAttachment(Guid AttachmentId, DateTimeOffset At, string ContentType, long Size);

public sealed record AttachmentInfo(Guid Id, string ContentType, long Size)
{
    public static string ExtensionOf(string contentType) => contentType switch { "application/pdf" => "pdf", "image/png" => "png", _ => "jpg" };
}

public sealed record DuplicateReport(string TrackingId, string Title, ComplaintStatus Status, DateTimeOffset FiledAt);

public sealed record DeskMessage(DateTimeOffset At, string From, string Text);

public sealed record DeskNote(DateTimeOffset At, string OfficerId, string Text);

public sealed record DeskRouteStep(DateTimeOffset At, string AgencyId, string AgencyName);

public sealed record DeskAction(string? Text = null, string? OfficerId = null, string? TargetAgencyId = null, string? Reason = null);

public sealed record PendingReport(string TrackingId, string Title, string Text, string? Region, DateTimeOffset FiledAt, DateTimeOffset VerificationDueAt,
    RouteSuggestion Suggestion);

public sealed record RouteSuggestion(ReportType Type, Sector Sector, string AgencyId, string AgencyName, string? Region, double Confidence,
    IReadOnlyList<string> Explanation);

public sealed record RouteChoice(string AgencyId, Sector? Sector, ReportType? Type);

public sealed record OversightSummary(int Total, IReadOnlyDictionary<string, int> ByStatus, IReadOnlyDictionary<string, int> BySector);

public sealed record OfficerLoad(string OfficerId, int Open, int Overdue, int AwaitingReporter);

public sealed record AgencyOverview(string AgencyId, int Open, int Unassigned, int Overdue, int DueWithinTwoWorkingDays,
    DateTimeOffset? OldestOpenRoutedAt, IReadOnlyList<OfficerLoad> Officers);

public sealed record Hotspot(string TrackingId, string? Region, string? Sector, string? AgencyId, int Reports, int Supports);

public sealed record Scorecard(string AgencyId, int Received, double? AnsweredInTimePercent, double? MedianHoursToFirstResponse, double? AverageRating,
    int Forwarded = 0, int NotOurs = 0, string? Name = null);

public sealed record PerformanceRow(string Key, int Received, int Open, int Overdue, int Resolved, double? AnsweredInTimePercent,
    double? MedianHoursToFirstResponse, double? P90HoursToFirstResponse, double ForwardedPercent, int Breaches, double? AverageRating,
    double ReopenedPercent, string? Name = null);

public sealed record DayCount(DateOnly Day, int Filed);

public sealed record StaffToken(string AccessToken, int ExpiresIn);

public sealed record PublicPage(IReadOnlyList<PublicReport> Items, string? NextCursor);

public sealed record PublicReport(string TrackingId, ReportType Type, string Title, string Text, Sector? Sector, string? Region, ComplaintStatus Status,
    string? AgencyName, DateTimeOffset FiledAt, int Supports);

public sealed record Supported(int Supports, bool AlreadySupported);

/// <summary>A missed deadline escalated to the officer's desk.</summary>
public sealed record Escalation(string TrackingId, string Deadline, string AgencyId, string? AgencyName, DateTimeOffset DueAt, double HoursWaiting,
    DateTimeOffset? ChasedAt, DateTimeOffset? AcknowledgedAt = null);

/// <summary>An officer the desk knows, as a supervisor manages them.</summary>
public sealed record OfficerEntry(string OfficerId, string? Name, bool Active, DateTimeOffset Since);

public sealed record RecoveryAnswer(string Message);

public sealed record Notice(long Id, string Kind, string TrackingId, string Title, string Headline, DateTimeOffset CreatedAt, bool Read);

public sealed record NoticesPage(int Unread, IReadOnlyList<Notice> Items);

/// <summary>An officer's saved inbox view: a name and the inbox's query string.</summary>
public sealed record SavedView(string Name, string Query, DateTimeOffset SavedAt);

/// <summary>One of a signed-in citizen's reports, as "Laporan saya" lists it.</summary>
public sealed record MyReport(string TrackingId, string Title, string Status, string StatusLabel, string? AgencyName, DateTimeOffset FiledAt,
    DateTimeOffset? FollowUpDueAt);
