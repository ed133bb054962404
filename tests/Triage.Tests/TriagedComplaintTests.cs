using Lapor.Contracts;
using Lapor.Triage.Domain;
using Lapor.Triage.Persistence;
using Microsoft.Extensions.Configuration;

namespace Lapor.Triage.Tests;

/// <summary>The events a triage decision causes: verification and disposition are one decision, told in one event.</summary>
public sealed class TriagedComplaintTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero); // 09:00 WIB
    private static readonly WorkingCalendar Calendar = new(new ConfigurationBuilder().Build());
    private static readonly IReadOnlyList<Agency> Agencies = AgencySeeder.Load();

    private static ComplaintSubmitted Filed() => new(Guid.NewGuid(), "LPR-TRI00001", 1, Monday, ReportType.Aduan, "Jalan berlubang",
        "Jalan di depan pasar rusak parah.", null, "35.78", Channel.Web, false, false);

    private static RoutingDecision To(string agencyId)
    {
        var agency = Agencies.Single(a => a.Id == agencyId);
        return new RoutingDecision(ReportType.Aduan, agency.Sectors[0], agency.Id, agency.Name, "35.78", 0.9, [], []);
    }

    [Fact]
    public void A_routed_report_is_verified_and_routed_by_one_event_carrying_the_verification_deadline()
    {
        var (complaint, events) = TriagedComplaint.Triage(Filed(), To("35.78.dpupr"), null, Calendar, Monday.AddMinutes(1));

        var routed = Assert.IsType<ComplaintRouted>(Assert.Single(events));
        Assert.Equal("35.78.dpupr", routed.AgencyId);
        Assert.Equal(2, routed.Sequence);
        Assert.Equal(complaint.VerificationDueAt, routed.VerificationDueAt);
        Assert.True(routed.VerificationDueAt > Monday.AddDays(2));
    }

    [Fact]
    public void A_report_left_for_the_admin_desk_causes_no_event_until_a_verifier_routes_it_and_that_route_verifies_it()
    {
        var (complaint, events) = TriagedComplaint.Triage(Filed(), To(Agency.AdminDesk), null, Calendar, Monday.AddMinutes(1));
        Assert.Empty(events);

        var roads = Agencies.Single(a => a.Id == "35.78.dpupr");
        var routed = complaint.Verify(roads, roads.Sectors[0], ReportType.Aduan, Calendar, Monday.AddHours(2), "verifier-7", "Jalan kota");
        Assert.Equal(roads.Id, routed.AgencyId);
        Assert.Equal(complaint.VerificationDueAt, routed.VerificationDueAt);
        Assert.Equal(("verifier-7", "Jalan kota"), (routed.DecidedBy, routed.Reason));
    }

    [Fact]
    public void Tunda_says_which_verifier_asked_the_reporter_and_what()
    {
        var (complaint, _) = TriagedComplaint.Triage(Filed(), To(Agency.AdminDesk), null, Calendar, Monday.AddMinutes(1));
        var adminDesk = Agencies.Single(a => a.Id == Agency.AdminDesk);

        var asked = complaint.Postpone(adminDesk, "Di kelurahan mana jalan ini?", Monday.AddHours(1), "verifier-7");

        Assert.Equal((Agency.AdminDesk, "verifier-7", "Di kelurahan mana jalan ini?", Monday.AddHours(1)), (asked.AgencyId, asked.AskedBy, asked.Question, asked.OccurredAt));
    }

    [Fact]
    public void Triage_s_own_route_says_no_one_decided_it_and_a_forward_says_which_agency_did_and_why()
    {
        var (complaint, events) = TriagedComplaint.Triage(Filed(), To("35.78.dpupr"), null, Calendar, Monday.AddMinutes(1));
        Assert.Null(((ComplaintRouted)events[0]).DecidedBy);

        var forwarded = complaint.Forward(ForwardOf(complaint, "35.78.dpupr", "35.78.dinkes", 3), Agencies, Calendar, Monday);
        Assert.Equal(("35.78.dpupr", "bukan wewenang kami"), (forwarded.DecidedBy, forwarded.Reason));
    }

    [Fact]
    public void A_verifier_changes_a_routed_report_s_route_with_a_fresh_deadline_and_the_hops_counted_anew()
    {
        var (complaint, _) = TriagedComplaint.Triage(Filed(), To("35.78.dpupr"), null, Calendar, Monday.AddMinutes(1));
        complaint.Forward(ForwardOf(complaint, "35.78.dpupr", "35.78.dinsos", 3), Agencies, Calendar, Monday);
        var health = Agencies.Single(a => a.Id == "35.78.dinkes");

        var routed = complaint.ChangeRoute(health, Sector.Kesehatan, Calendar, Monday.AddDays(1), "verifier-7", "Soal sarang nyamuk DBD");

        Assert.Equal(("35.78.dinkes", Sector.Kesehatan, "verifier-7", "Soal sarang nyamuk DBD"), (routed.AgencyId, routed.Sector, routed.DecidedBy, routed.Reason));
        Assert.Null(routed.VerificationDueAt);
        Assert.True(routed.FollowUpDueAt > Monday.AddDays(6));
        Assert.Equal(0, complaint.Hops);
        Assert.Throws<Lapor.ServiceDefaults.Problems.ConflictException>(() =>
            complaint.ChangeRoute(health, Sector.Kesehatan, Calendar, Monday.AddDays(1), "verifier-7", "Lagi"));
    }

    [Fact]
    public void A_report_still_waiting_for_verification_is_routed_from_the_queue_not_rerouted()
    {
        var (complaint, _) = TriagedComplaint.Triage(Filed(), To(Agency.AdminDesk), null, Calendar, Monday.AddMinutes(1));
        var roads = Agencies.Single(a => a.Id == "35.78.dpupr");
        Assert.Throws<Lapor.ServiceDefaults.Problems.ConflictException>(() =>
            complaint.ChangeRoute(roads, Sector.Infrastruktur, Calendar, Monday, "verifier-7", "Jalan kota"));
    }

    [Fact]
    public void A_forward_routes_again_without_verifying_again()
    {
        var (complaint, _) = TriagedComplaint.Triage(Filed(), To("35.78.dpupr"), null, Calendar, Monday.AddMinutes(1));

        var forwarded = complaint.Forward(new ComplaintForwardRequested(complaint.ComplaintId, complaint.TrackingId, 3, Monday.AddHours(3),
            "35.78.dpupr", "35.78.dinkes", "bukan wewenang kami"), Agencies, Calendar, Monday.AddHours(3));

        Assert.Equal("35.78.dinkes", forwarded.AgencyId);
        Assert.Null(forwarded.VerificationDueAt);
        Assert.Equal(Sector.Kesehatan, forwarded.Sector); // the sector follows the agency that takes the report
    }

    private static ComplaintForwardRequested ForwardOf(TriagedComplaint complaint, string from, string? to, int sequence) =>
        new(complaint.ComplaintId, complaint.TrackingId, sequence, Monday.AddHours(sequence), from, to, "bukan wewenang kami");

    [Fact]
    public void After_three_hops_the_report_goes_to_the_admin_desk_whose_forward_is_honoured_and_counts_hops_anew()
    {
        var (complaint, _) = TriagedComplaint.Triage(Filed(), To("35.78.dpupr"), null, Calendar, Monday.AddMinutes(1));

        Assert.Equal("35.78.dinkes", complaint.Forward(ForwardOf(complaint, "35.78.dpupr", "35.78.dinkes", 3), Agencies, Calendar, Monday).AgencyId);
        Assert.Equal("35.78.dinsos", complaint.Forward(ForwardOf(complaint, "35.78.dinkes", "35.78.dinsos", 5), Agencies, Calendar, Monday).AgencyId);
        Assert.Equal(Agency.AdminDesk, complaint.Forward(ForwardOf(complaint, "35.78.dinsos", "35.78.dpupr", 7), Agencies, Calendar, Monday).AgencyId);

        var routed = complaint.Forward(ForwardOf(complaint, Agency.AdminDesk, "35.78.dpupr", 9), Agencies, Calendar, Monday);
        Assert.Equal("35.78.dpupr", routed.AgencyId);
        Assert.Equal(Sector.Infrastruktur, routed.Sector);
        Assert.Equal(0, complaint.Hops);
    }

    [Fact]
    public void A_report_on_hold_stops_its_verification_clock_and_resumes_it_with_the_days_it_waited_for_the_reporter()
    {
        // Filed Monday 23 November 2026: verification due Thursday 26 November, end of day WIB.
        var (complaint, _) = TriagedComplaint.Triage(Filed(), To(Agency.AdminDesk), null, Calendar, Monday);
        var due = complaint.VerificationDueAt;
        complaint.Postpone(Agencies.Single(a => a.Id == Agency.AdminDesk), "Mohon sebutkan alamat lengkap lokasi.", Monday.AddHours(2), "verifier:1");

        // On hold past the deadline: no breach.
        Assert.Empty(complaint.Breaches(due.AddDays(2), Agencies));

        // The reporter answers on Tuesday 1 December: five whole working days stood between (24–27 and 30 November),
        // so the deadline moves five working days on, from Thursday 26 November to Thursday 3 December.
        complaint.ReporterReplied(new ReporterReplied(complaint.ComplaintId, complaint.TrackingId, 3, Monday.AddDays(8), "Di depan Pasar Wonokromo, Jl. Raya Wonokromo."), Calendar);
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 23, 59, 59, TimeSpan.FromHours(7)), complaint.VerificationDueAt);
        Assert.Empty(complaint.Breaches(Monday.AddDays(8), Agencies));
        Assert.Single(complaint.Breaches(complaint.VerificationDueAt.AddMinutes(1), Agencies));
    }
}
