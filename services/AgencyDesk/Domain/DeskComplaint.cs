using Lapor.Contracts;

namespace Lapor.AgencyDesk.Domain;

/// <summary>A report in an agency's inbox. It never holds the reporter's identity or contact details.</summary>
public sealed class DeskComplaint
{
    private DeskComplaint() { }

    public Guid ComplaintId { get; private set; }
    public string TrackingId { get; private set; } = "";
    public string AgencyId { get; private set; } = "";
    public string AgencyName { get; private set; } = "";
    public ReportType Type { get; private set; }
    public Sector Sector { get; private set; }
    public string? Region { get; private set; }
    public string Title { get; private set; } = "";
    public string Text { get; private set; } = "";
    public bool Confidential { get; private set; }
    public ComplaintStatus Status { get; private set; }
    public DateTimeOffset FiledAt { get; private set; }
    public DateTimeOffset RoutedAt { get; private set; }
    public DateTimeOffset FollowUpDueAt { get; private set; }
    public int Sequence { get; private set; }

    public static DeskComplaint Receive(ComplaintRouted e) => new()
    {
        ComplaintId = e.ComplaintId,
        TrackingId = e.TrackingId,
        AgencyId = e.AgencyId,
        AgencyName = e.AgencyName,
        Type = e.Type,
        Sector = e.Sector,
        Region = e.Region,
        Title = e.Title,
        Text = e.Text,
        Confidential = e.Confidential,
        Status = ComplaintStatus.Terdisposisi,
        FiledAt = e.FiledAt,
        RoutedAt = e.OccurredAt,
        FollowUpDueAt = e.FollowUpDueAt,
        Sequence = e.Sequence,
    };

    /// <summary>A newer route (a forward) moves the report to the new agency's inbox; an older one changes nothing.</summary>
    public void Reroute(ComplaintRouted e)
    {
        if (e.Sequence <= Sequence) return;
        AgencyId = e.AgencyId;
        AgencyName = e.AgencyName;
        Status = ComplaintStatus.Terdisposisi;
        RoutedAt = e.OccurredAt;
        FollowUpDueAt = e.FollowUpDueAt;
        Sequence = e.Sequence;
    }
}
