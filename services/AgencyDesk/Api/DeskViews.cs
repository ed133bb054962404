using Lapor.AgencyDesk.Domain;
using Lapor.Contracts;

namespace Lapor.AgencyDesk.Api;

public sealed record InboxItem(
    string TrackingId, ReportType Type, Sector Sector, string? Region, string Title, ComplaintStatus Status, string? AssignedTo,
    DateTimeOffset RoutedAt, DateTimeOffset FollowUpDueAt, bool Overdue);

public sealed record InboxPage(string AgencyId, IReadOnlyList<InboxItem> Items, string? NextCursor, IReadOnlyDictionary<string, int> CountsByStatus);

/// <summary>Another report in this agency's inbox about the same matter.</summary>
public sealed record DuplicateReport(string TrackingId, string Title, ComplaintStatus Status, DateTimeOffset FiledAt);

/// <summary>A report as the desk shows it: never the reporter's identity or contact details (the desk never has them).</summary>
public sealed record DeskComplaintView(
    string TrackingId, ReportType Type, Sector Sector, string? Region, string Title, string Text, string? Location, bool Confidential,
    ComplaintStatus Status, bool AwaitingReroute, string AgencyId, string? AssignedTo, DateTimeOffset FiledAt, DateTimeOffset RoutedAt,
    DateTimeOffset FollowUpDueAt, DateTimeOffset? FirstRespondedAt, IReadOnlyList<ConversationMessage> Conversation,
    IReadOnlyList<InternalNote> Notes, IReadOnlyList<RouteStep> RouteHistory, IReadOnlyList<DuplicateReport> Duplicates,
    IReadOnlyList<AttachmentRef> Attachments, string AgencyName, DateTimeOffset? RespondedAt)
{
    public static DeskComplaintView From(DeskComplaint c, IReadOnlyList<DuplicateReport>? duplicates = null) => new(
        c.TrackingId, c.Type, c.Sector, c.Region, c.Title, c.Text, c.Location, c.Confidential, c.Status, c.AwaitingReroute, c.AgencyId, c.AssignedTo,
        c.FiledAt, c.RoutedAt, c.FollowUpDueAt, c.FirstRespondedAt,
        c.Conversation.OrderBy(m => m.At).ToList(), c.Notes.OrderBy(n => n.At).ToList(), c.RouteHistory.OrderBy(r => r.At).ToList(),
        duplicates ?? [], c.Attachments.OrderBy(a => a.At).ToList(), c.AgencyName, c.RespondedAt);
}
