using Lapor.Analytics.Domain;
using Lapor.Contracts;

namespace Lapor.Analytics.Tests;

/// <summary>
/// A report reopened, or forwarded after its first answer, is owed a new answer by its new deadline: oversight counts it
/// as overdue once that passes without one.
/// </summary>
public sealed class AnswerOwedAgainTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Id = Guid.NewGuid();

    private static ComplaintFact Reopened()
    {
        var fact = ComplaintFact.For(Id);
        IComplaintEvent[] story =
        [
            new ComplaintSubmitted(Id, "LPR-R", 1, Monday, ReportType.Aduan, "lampu jalan mati", "lampu jalan mati", null, "35.78", Channel.Web, false, false),
            new ComplaintRouted(Id, "LPR-R", 2, Monday.AddHours(1), ReportType.Aduan, Sector.Infrastruktur, "35.78", "35.78.dpupr", "Dinas PU", 0.9,
                "lampu jalan mati", "lampu jalan mati", false, Monday, Monday.AddDays(7), VerificationDueAt: Monday.AddDays(3)),
            new ComplaintResolved(Id, "LPR-R", 3, Monday.AddDays(1), "35.78.dpupr", "Dinas PU", "lampu sudah diganti"),
            new ComplaintReopened(Id, "LPR-R", 4, Monday.AddDays(2), "mati lagi"),
            new FollowUpRestarted(Id, "LPR-R", 5, Monday.AddDays(2), "35.78.dpupr", Monday.AddDays(9)),
        ];
        foreach (var e in story) fact.Apply(e);
        return fact;
    }

    private static IEnumerable<DailyDetail> Owed(ComplaintFact fact) =>
        FactCells.Of(fact).Details.Where(d => d.Kind == DetailKinds.AnswerOwedAgain && d.Grain == Grains.Day);

    [Fact]
    public void A_reopened_report_is_owed_an_answer_by_the_hour_its_new_deadline_ends()
    {
        var owed = Assert.Single(Owed(Reopened()));
        Assert.Equal(FactCells.DueHour(Monday.AddDays(9)), owed.Value);
    }

    [Fact]
    public void An_answer_after_the_reopening_settles_it_and_one_from_before_does_not()
    {
        var fact = Reopened();
        fact.Apply(new AgencyResponded(Id, "LPR-R", 6, Monday.AddDays(1).AddHours(1), "35.78.dpupr", "Dinas PU", "dicek", false)); // late, from before
        Assert.Single(Owed(fact));

        fact.Apply(new AgencyResponded(Id, "LPR-R", 7, Monday.AddDays(3), "35.78.dpupr", "Dinas PU", "tim menuju lokasi", false));
        Assert.Empty(Owed(fact));
    }

    [Fact]
    public void A_report_forwarded_after_its_first_answer_is_owed_one_by_the_agency_that_takes_it()
    {
        var fact = ComplaintFact.For(Id);
        fact.Apply(new ComplaintSubmitted(Id, "LPR-R", 1, Monday, ReportType.Aduan, "lampu jalan mati", "lampu jalan mati", null, "35.78", Channel.Web, false, false));
        fact.Apply(new ComplaintRouted(Id, "LPR-R", 2, Monday.AddHours(1), ReportType.Aduan, Sector.Infrastruktur, "35.78", "35.78.dpupr", "Dinas PU", 0.9,
            "lampu jalan mati", "lampu jalan mati", false, Monday, Monday.AddDays(7), VerificationDueAt: Monday.AddDays(3)));
        fact.Apply(new AgencyResponded(Id, "LPR-R", 3, Monday.AddHours(5), "35.78.dpupr", "Dinas PU", "bukan lampu kami", true));
        Assert.Empty(Owed(fact));

        fact.Apply(new ComplaintRouted(Id, "LPR-R", 5, Monday.AddDays(1), ReportType.Aduan, Sector.Utilitas, "35.78", "nas.pln", "PLN", 0.9,
            "lampu jalan mati", "lampu jalan mati", false, Monday, Monday.AddDays(8)));

        Assert.Equal(FactCells.DueHour(Monday.AddDays(8)), Assert.Single(Owed(fact)).Value);
    }

    [Fact]
    public void An_earlier_reopening_s_deadline_arriving_late_changes_nothing()
    {
        var fact = Reopened();
        fact.Apply(new FollowUpRestarted(Id, "LPR-R", 3, Monday.AddDays(1), "35.78.dpupr", Monday.AddDays(8)));
        Assert.Equal(Monday.AddDays(9), fact.ReopenedFollowUpDueAt);
    }
}
