using Lapor.AgencyDesk.Domain;
using Lapor.Contracts;

namespace Lapor.EndToEnd.Tests;

/// <summary>The desk's side of a report triage closes because the reporter left the agency's answer unreplied.</summary>
public sealed class DeskClosingTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);

    private static DeskComplaint Answered()
    {
        var complaint = DeskComplaint.Receive(new ComplaintRouted(Guid.NewGuid(), "LPR-DESK0001", 2, Monday, ReportType.Aduan, Sector.Infrastruktur,
            "35.78", "35.78.dpupr", "Dinas PU", 0.9, "Jalan berlubang", "Jalan depan pasar berlubang.", false, Monday, Monday.AddDays(7)));
        complaint.Respond("officer-1", "Perbaikan dijadwalkan minggu depan.", Monday.AddHours(3));
        return complaint;
    }

    [Fact]
    public void Triage_closing_an_unreplied_report_resolves_it_at_the_desk_and_tells_the_officer_why()
    {
        var complaint = Answered();

        complaint.Observe(new ComplaintResolved(complaint.ComplaintId, complaint.TrackingId, 9, Monday.AddDays(15), "35.78.dpupr", "Dinas PU", "Ditutup otomatis."));

        Assert.Equal(ComplaintStatus.Selesai, complaint.Status);
        Assert.Equal("Ditutup otomatis.", complaint.Conversation[^1].Text);
    }

    [Fact]
    public void The_desk_s_own_resolution_coming_back_changes_nothing()
    {
        var complaint = Answered();
        var resolved = complaint.Resolve("officer-1", "Jalan sudah ditambal dan dipadatkan kemarin sore.", Monday.AddDays(2));
        var version = complaint.Version;
        var messages = complaint.Conversation.Count;

        complaint.Observe(resolved);

        Assert.Equal((version, messages, ComplaintStatus.Selesai), (complaint.Version, complaint.Conversation.Count, complaint.Status));
    }
}
