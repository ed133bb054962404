using Lapor.Analytics.Api;
using Lapor.Analytics.Domain;
using Lapor.Contracts;

namespace Lapor.Analytics.Tests;

/// <summary>A small fixed scenario whose figures were worked out by hand.</summary>
public sealed class OversightFiguresTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = Monday.AddDays(14);

    private static IComplaintEvent[] Story(Guid id, string agency, double? respondAfterHours, bool resolve = false, bool forward = false)
    {
        var events = new List<IComplaintEvent>
        {
            new ComplaintSubmitted(id, "LPR-X", 1, Monday, ReportType.Aduan, "judul laporan", "isi laporan warga", null, "35.78", Channel.Web, false, false),
            new ComplaintVerified(id, "LPR-X", 2, Monday.AddHours(1), ReportType.Aduan, Sector.Infrastruktur, Monday.AddDays(3)),
            new ComplaintRouted(id, "LPR-X", 3, Monday.AddHours(1), ReportType.Aduan, Sector.Infrastruktur, "35.78", agency, agency, 0.9,
                "judul laporan", "isi laporan warga", false, Monday, Monday.AddDays(7)),
        };
        if (forward) events.Add(new ComplaintForwardRequested(id, "LPR-X", 4, Monday.AddHours(2), agency, null, "bukan wewenang kami"));
        if (respondAfterHours is { } hours)
            events.Add(new AgencyResponded(id, "LPR-X", 5, Monday.AddHours(1 + hours), agency, agency, "sudah ditinjau", true));
        if (resolve) events.Add(new ComplaintResolved(id, "LPR-X", 6, Monday.AddHours(1 + (respondAfterHours ?? 0) + 24), agency, agency, "sudah diperbaiki"));
        return events.ToArray();
    }

    private static List<ComplaintFact> Project(IEnumerable<IComplaintEvent[]> stories, bool reversed = false)
    {
        var facts = new Dictionary<Guid, ComplaintFact>();
        foreach (var e in stories.SelectMany(s => reversed ? s.Reverse() : s))
        {
            if (!facts.TryGetValue(e.ComplaintId, out var fact)) facts[e.ComplaintId] = fact = ComplaintFact.For(e.ComplaintId);
            fact.Apply(e);
        }
        return facts.Values.ToList();
    }

    private static IEnumerable<IComplaintEvent[]> Scenario() =>
    [
        Story(Guid.NewGuid(), "35.78.dpupr", respondAfterHours: 10, resolve: true), // answered in time, resolved
        Story(Guid.NewGuid(), "35.78.dpupr", respondAfterHours: 30),                // answered in time, open
        Story(Guid.NewGuid(), "35.78.dpupr", respondAfterHours: 200),               // answered late (due after 167 h)
        Story(Guid.NewGuid(), "35.78.dpupr", respondAfterHours: null, forward: true), // never answered, overdue: a miss
    ];

    [Fact]
    public void Agency_figures_match_the_hand_computed_ones_with_overdue_reports_counted_as_misses()
    {
        var row = OversightReports.By(Project(Scenario()), f => f.AgencyId, Now).Single();

        Assert.Equal(("35.78.dpupr", 4, 3, 1, 1), (row.Key, row.Received, row.Open, row.Overdue, row.Resolved));
        Assert.Equal(50.0, row.AnsweredInTimePercent); // 2 of 4 decided, the unanswered overdue one included
        Assert.Equal(30.0, row.MedianHoursToFirstResponse); // 10, 30, 200 → nearest-rank median 30
        Assert.Equal(200.0, row.P90HoursToFirstResponse);
        Assert.Equal(25.0, row.ForwardedPercent);
    }

    [Fact]
    public void Events_arriving_in_reverse_order_give_the_same_figures()
    {
        var stories = Scenario().ToList();
        Assert.Equal(OversightReports.By(Project(stories), f => f.AgencyId, Now), OversightReports.By(Project(stories, reversed: true), f => f.AgencyId, Now));
    }

    [Fact]
    public void A_report_whose_deadline_is_still_ahead_is_left_out_of_the_compliance_denominator()
    {
        var facts = Project([Story(Guid.NewGuid(), "35.78.dlh", respondAfterHours: null)]);
        Assert.Null(OversightReports.Row("x", facts, Monday.AddDays(1)).AnsweredInTimePercent);
        Assert.Equal(0.0, OversightReports.Row("x", facts, Monday.AddDays(8)).AnsweredInTimePercent);
    }

    [Fact]
    public void Csv_has_a_header_and_neutralises_formulas()
    {
        var csv = OversightReports.ToCsv([new PerformanceRow("=HYPERLINK(\"x\")", 1, 1, 0, 0, null, null, null, 0, 0, null, 0)], "agency");
        var lines = csv.TrimEnd().Split('\n');
        Assert.StartsWith("agency,received,open", lines[0]);
        Assert.Equal("\"'=HYPERLINK(\"\"x\"\")\",1,1,0,0,,,,0,0,,0", lines[1].TrimEnd());
    }
}
