using Lapor.AgencyDesk.Domain;
using Lapor.Contracts;

namespace Lapor.AgencyDesk.Tests;

/// <summary>
/// A report at the desk and what happens to it outside the desk: triage closing it because the reporter left the
/// agency's answer unreplied, a reopening owed a new answer by triage's new deadline, a forward, and who asked what.
/// </summary>
public sealed class DeskComplaintTests
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

    private static (ComplaintReopened Reopened, FollowUpRestarted Restarted) Reopening(DeskComplaint complaint, DateTimeOffset at) =>
        (new ComplaintReopened(complaint.ComplaintId, complaint.TrackingId, 10, at, "Masih berlubang"),
         new FollowUpRestarted(complaint.ComplaintId, complaint.TrackingId, 11, at, complaint.AgencyId, at.AddDays(7)));

    [Fact]
    public void A_reopened_report_is_owed_a_new_answer_by_triage_s_new_deadline_in_whichever_order_the_two_arrive()
    {
        foreach (var restartFirst in new[] { false, true })
        {
            var complaint = Answered();
            complaint.Resolve("officer-1", "Jalan sudah ditambal dan dipadatkan kemarin sore.", Monday.AddDays(2));
            var (reopened, restarted) = Reopening(complaint, Monday.AddDays(4));

            foreach (var e in restartFirst ? new IComplaintEvent[] { restarted, reopened } : [reopened, restarted]) complaint.Observe(e);

            Assert.Equal((ComplaintStatus.SedangDiproses, restarted.FollowUpDueAt, null), (complaint.Status, complaint.FollowUpDueAt, complaint.RespondedAt));
            Assert.Equal(Monday.AddHours(3), complaint.FirstRespondedAt); // the first answer stays on record
            complaint.Respond("officer-1", "Kami aspal ulang seluruh ruas minggu ini.", Monday.AddDays(5));
            Assert.Equal(Monday.AddDays(5), complaint.RespondedAt);
        }
    }

    [Fact]
    public void An_older_reopening_s_deadline_arriving_late_does_not_move_a_later_one_back()
    {
        var complaint = Answered();
        var (_, early) = Reopening(complaint, Monday.AddDays(4));
        var (_, late) = Reopening(complaint, Monday.AddDays(20));

        complaint.Observe(late);
        complaint.Observe(early);

        Assert.Equal(late.FollowUpDueAt, complaint.FollowUpDueAt);
    }

    [Fact]
    public void A_report_forwarded_after_an_answer_is_owed_one_by_the_agency_that_takes_it()
    {
        var complaint = Answered();
        complaint.Forward("35.78.dinsos", "Bukan wewenang kami", Monday.AddDays(1));
        complaint.Reroute(new ComplaintRouted(complaint.ComplaintId, complaint.TrackingId, 9, Monday.AddDays(1), ReportType.Aduan, Sector.Bansos,
            "35.78", "35.78.dinsos", "Dinas Sosial", 0.9, complaint.Title, complaint.Text, false, Monday, Monday.AddDays(8)));

        Assert.Null(complaint.RespondedAt);
        Assert.Equal(Monday.AddDays(8), complaint.FollowUpDueAt);
    }

    [Fact]
    public void A_question_to_the_reporter_says_which_officer_asked()
    {
        var complaint = Answered();
        var asked = complaint.Ask("officer-2", "Mohon kirim foto lokasi.", Monday.AddDays(1));
        Assert.Equal(("officer-2", "35.78.dpupr"), (asked.AskedBy, asked.AgencyId));
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

    /// <summary>The inbox's overdue filter (a query) and its overdue flag (in memory) are one rule.</summary>
    [Fact]
    public void Overdue_is_the_same_answer_in_a_query_and_in_memory()
    {
        var unanswered = DeskComplaint.Receive(new ComplaintRouted(Guid.NewGuid(), "LPR-DESK0002", 2, Monday, ReportType.Aduan, Sector.Infrastruktur,
            "35.78", "35.78.dpupr", "Dinas PU", 0.9, "Jalan berlubang", "Jalan depan pasar berlubang.", false, Monday, Monday.AddDays(7)));
        var answered = Answered();
        foreach (var complaint in new[] { unanswered, answered })
            foreach (var now in new[] { Monday.AddDays(6), Monday.AddDays(7), Monday.AddDays(7).AddTicks(1), Monday.AddDays(30) })
                Assert.Equal(DeskComplaint.IsOverdue(complaint.RespondedAt, complaint.FollowUpDueAt, now), DeskComplaint.OverdueAt(now).Compile()(complaint));

        Assert.True(DeskComplaint.IsOverdue(unanswered.RespondedAt, unanswered.FollowUpDueAt, Monday.AddDays(8)));
        Assert.False(DeskComplaint.IsOverdue(unanswered.RespondedAt, unanswered.FollowUpDueAt, Monday.AddDays(7)));
        Assert.False(DeskComplaint.IsOverdue(answered.RespondedAt, answered.FollowUpDueAt, Monday.AddDays(30)));
    }

    /// <summary>
    /// An unanswered report is due soon up to its deadline's very moment and overdue just after it, never both; an
    /// answered one is neither.
    /// </summary>
    [Fact]
    public void Overdue_and_due_soon_never_overlap_and_leave_no_gap_at_the_deadline()
    {
        var unanswered = DeskComplaint.Receive(new ComplaintRouted(Guid.NewGuid(), "LPR-DESK0003", 2, Monday, ReportType.Aduan, Sector.Infrastruktur,
            "35.78", "35.78.dpupr", "Dinas PU", 0.9, "Jalan berlubang", "Jalan depan pasar berlubang.", false, Monday, Monday.AddDays(7)));
        var deadline = unanswered.FollowUpDueAt;
        foreach (var now in new[] { deadline.AddDays(-3), deadline.AddDays(-1), deadline.AddTicks(-1), deadline, deadline.AddTicks(1), deadline.AddDays(2) })
        {
            var overdue = DeskComplaint.OverdueAt(now).Compile()(unanswered);
            var dueSoon = DeskComplaint.DueBetween(now, now.AddDays(1)).Compile()(unanswered);
            Assert.False(overdue && dueSoon);
            Assert.Equal(now > deadline, overdue);
            Assert.Equal(now <= deadline && deadline <= now.AddDays(1), dueSoon);
        }
        Assert.False(DeskComplaint.DueBetween(Monday, Monday.AddDays(30)).Compile()(Answered()));
    }
}
