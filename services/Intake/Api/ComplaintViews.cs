using Lapor.Contracts;
using Lapor.Intake.Domain;

namespace Lapor.Intake.Api;

/// <summary>The answer to a filed report. The access code appears here once and is never shown again.</summary>
public sealed record ComplaintReceipt(string TrackingId, string AccessCode, ComplaintStatus Status);

/// <summary>What the citizen sees when following a report.</summary>
public sealed record ComplaintTracking(
    string TrackingId,
    ReportType Type,
    string Title,
    ComplaintStatus Status,
    string? AgencyId,
    string? AgencyName,
    DateTimeOffset FiledAt,
    IReadOnlyList<TimelineView> Timeline)
{
    public static ComplaintTracking From(Complaint c) => new(
        c.TrackingId, c.Type, c.Title, c.Status, c.AgencyId, c.AgencyName, c.FiledAt,
        c.Timeline.OrderBy(t => t.At).ThenBy(t => t.Sequence).Select(t => new TimelineView(t.At, t.Step, t.Status, t.Detail)).ToList());
}

public sealed record TimelineView(DateTimeOffset At, TimelineStep Step, ComplaintStatus Status, string? Detail);
