using Lapor.Contracts;
using Lapor.Triage.Domain.Classification;

namespace Lapor.Triage.Domain;

/// <summary>
/// A route a person decided (a verifier routing from the admin desk, or an agency forwarding to the one responsible):
/// kept as a labelled example so that retraining learns from it. The latest per report is the one learnt.
/// </summary>
public sealed class Correction
{
    public long Id { get; private set; }
    public Guid ComplaintId { get; init; }
    public string Title { get; init; } = "";
    public string Text { get; init; } = "";
    public string? Region { get; init; }
    public ReportType Type { get; init; }
    public Sector Sector { get; init; }
    public string AgencyId { get; init; } = "";
    public DateTimeOffset At { get; init; }

    public LabelledReport ToExample() => new(Title, Text, Region, Type, Sector, AgencyId);

    /// <summary>The report as it is now routed.</summary>
    public static Correction Of(TriagedComplaint complaint, DateTimeOffset at) => new()
    {
        ComplaintId = complaint.ComplaintId, Title = complaint.Title, Text = complaint.Text, Region = complaint.Region,
        Type = complaint.Type, Sector = complaint.Sector, AgencyId = complaint.AgencyId, At = at,
    };
}
