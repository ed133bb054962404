using Lapor.Contracts;
using Lapor.Intake.Domain;

namespace Lapor.Intake.Tests;

public sealed class ComplaintTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(7));

    private static Complaint Filed() =>
        Complaint.File(new NewComplaint(ReportType.Aduan, "Jalan berlubang di pasar", "Jalan di depan pasar rusak parah sejak lama.", null, "35.78", false, false),
            Channel.Api, Now).Complaint;

    private static ComplaintVerified Verified(Complaint c, int sequence) =>
        new(c.Id, c.TrackingId, sequence, Now.AddMinutes(1), ReportType.Aduan, Sector.Infrastruktur, Now.AddDays(3));

    /// <summary>A route; <paramref name="verifies"/> makes it the first, which verifies the report too.</summary>
    private static ComplaintRouted Routed(Complaint c, int sequence, bool verifies = false) =>
        new(c.Id, c.TrackingId, sequence, Now.AddMinutes(1), ReportType.Aduan, Sector.Infrastruktur, "35.78", "35.78.dpupr", "Dinas PU",
            0.9, c.Title, c.Text, false, Now, Now.AddDays(5), VerificationDueAt: verifies ? Now.AddDays(3) : null);

    [Fact]
    public void Events_in_order_move_the_status_forward_and_fill_the_timeline()
    {
        var complaint = Filed();
        complaint.Apply(Verified(complaint, 2));
        complaint.Apply(Routed(complaint, 3));

        Assert.Equal(ComplaintStatus.Terdisposisi, complaint.Status);
        Assert.Equal("35.78.dpupr", complaint.AgencyId);
        Assert.Equal([TimelineStep.Filed, TimelineStep.Verified, TimelineStep.Routed], complaint.Timeline.Select(t => t.Step));
    }

    [Fact]
    public void The_route_that_verifies_the_report_is_both_steps_once_and_moves_the_status_to_routed()
    {
        var complaint = Filed();
        var routed = Routed(complaint, 2, verifies: true);
        complaint.Apply(routed);
        complaint.Apply(routed);

        Assert.Equal(ComplaintStatus.Terdisposisi, complaint.Status);
        Assert.Equal("35.78.dpupr", complaint.AgencyId);
        Assert.Equal([TimelineStep.Filed, TimelineStep.Verified, TimelineStep.Routed], complaint.Timeline.Select(t => t.Step));
        Assert.Equal([ComplaintStatus.Terverifikasi, ComplaintStatus.Terdisposisi], complaint.Timeline.Skip(1).Select(t => t.Status));
    }

    [Fact]
    public void A_later_route_that_does_not_verify_adds_only_its_routing_step()
    {
        var complaint = Filed();
        complaint.Apply(Routed(complaint, 2, verifies: true));
        complaint.Apply(Routed(complaint, 4));

        Assert.Equal(1, complaint.Timeline.Count(t => t.Step == TimelineStep.Verified));
        Assert.Equal(2, complaint.Timeline.Count(t => t.Step == TimelineStep.Routed));
    }

    [Fact]
    public void A_resolution_sent_before_the_agency_saw_the_reporters_reply_still_resolves_the_report()
    {
        var complaint = Filed();
        complaint.Apply(Routed(complaint, 2, verifies: true));
        var reply = complaint.Reply("Lubangnya makin lebar setelah hujan.", Now.AddHours(1));
        complaint.Apply(new ComplaintResolved(complaint.Id, complaint.TrackingId, reply.Sequence, Now.AddHours(2), "35.78.dpupr", "Dinas PU", "Sudah ditambal."));

        Assert.Equal(ComplaintStatus.Selesai, complaint.Status);
        Assert.Equal([TimelineStep.Filed, TimelineStep.Verified, TimelineStep.Routed, TimelineStep.ReporterReplied, TimelineStep.Resolved],
            complaint.Timeline.Select(t => t.Step));
    }

    [Fact]
    public void An_older_event_arriving_late_adds_its_step_but_does_not_move_the_status_back()
    {
        var complaint = Filed();
        complaint.Apply(Routed(complaint, 3));
        complaint.Apply(Verified(complaint, 2));

        Assert.Equal(ComplaintStatus.Terdisposisi, complaint.Status);
        Assert.Equal(3, complaint.Timeline.Count);
    }

    [Fact]
    public void A_restarted_follow_up_clock_moves_the_reporter_s_deadline_on_and_never_back_and_adds_no_step()
    {
        var complaint = Filed();
        complaint.Apply(Routed(complaint, 2, verifies: true));
        var restarted = new FollowUpRestarted(complaint.Id, complaint.TrackingId, 6, Now.AddDays(9), "35.78.dpupr", Now.AddDays(16));

        complaint.Apply(restarted);
        complaint.Apply(restarted with { Sequence = 4, FollowUpDueAt = Now.AddDays(12) }); // an earlier reopening's, late

        Assert.Equal(Now.AddDays(16), complaint.FollowUpDueAt);
        Assert.Equal(3, complaint.Timeline.Count);
        Assert.Equal(6, complaint.Sequence);
    }

    [Fact]
    public void The_same_event_twice_changes_nothing()
    {
        var complaint = Filed();
        var routed = Routed(complaint, 3);
        complaint.Apply(routed);
        complaint.Apply(routed);

        Assert.Equal(2, complaint.Timeline.Count);
        Assert.Equal(3, complaint.Sequence);
    }

    /// <summary>The citizen's timeline says each step's deadline and whether it was kept: on time, late, or still running.</summary>
    [Fact]
    public void Each_step_with_a_deadline_says_whether_it_was_kept()
    {
        var complaint = Filed();
        complaint.Apply(Routed(complaint, 2, verifies: true)); // verified within its 3 days; follow-up due in 5
        TimelineEntry Step(TimelineStep step) => complaint.Timeline.Last(t => t.Step == step);

        Assert.Equal(Now.AddDays(3), Step(TimelineStep.Verified).DueAt);
        Assert.True(complaint.DeadlineKept(Step(TimelineStep.Verified), Now.AddDays(10)));
        Assert.Equal(Now.AddDays(5), Step(TimelineStep.Routed).DueAt);
        Assert.Null(complaint.DeadlineKept(Step(TimelineStep.Routed), Now.AddDays(4))); // running
        Assert.False(complaint.DeadlineKept(Step(TimelineStep.Routed), Now.AddDays(6))); // passed unanswered
        Assert.Null(complaint.DeadlineKept(Step(TimelineStep.Filed), Now.AddDays(6))); // no deadline

        complaint.Apply(new AgencyResponded(complaint.Id, complaint.TrackingId, 3, Now.AddDays(6), "35.78.dpupr", "Dinas PU", "Sudah kami tambal.", true));
        Assert.False(complaint.DeadlineKept(Step(TimelineStep.Routed), Now.AddDays(7))); // answered, but late

        var early = Filed();
        early.Apply(Routed(early, 2, verifies: true));
        early.Apply(new AgencyResponded(early.Id, early.TrackingId, 3, Now.AddDays(2), "35.78.dpupr", "Dinas PU", "Sudah kami tambal.", true));
        Assert.True(early.DeadlineKept(early.Timeline.Last(t => t.Step == TimelineStep.Routed), Now.AddDays(30)));
    }
}
