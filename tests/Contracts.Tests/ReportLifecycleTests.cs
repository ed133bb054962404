using System.Runtime.CompilerServices;

namespace Lapor.Contracts.Tests;

/// <summary>
/// Every event of a report in every status, routed or not: the status it leads to is the one this table gives. The
/// table is written out by hand, so a change to the rule has to change it too; an event added to the contracts without
/// a row here fails the first test.
/// </summary>
public sealed class ReportLifecycleTests
{
    /// <summary>What each event leads to, whatever the status; <see cref="ReporterReplied"/> depends on it (below).</summary>
    private static readonly Dictionary<Type, ComplaintStatus?> LeadsTo = new()
    {
        [typeof(ComplaintSubmitted)] = ComplaintStatus.BelumTerverifikasi,
        [typeof(ComplaintVerified)] = ComplaintStatus.Terverifikasi,
        [typeof(ComplaintRouted)] = ComplaintStatus.Terdisposisi,
        [typeof(ReporterAsked)] = ComplaintStatus.MenungguTanggapanPelapor,
        [typeof(AgencyResponded)] = ComplaintStatus.SedangDiproses,
        [typeof(ComplaintReopened)] = ComplaintStatus.SedangDiproses,
        [typeof(ComplaintResolved)] = ComplaintStatus.Selesai,
        [typeof(ComplaintArchived)] = ComplaintStatus.Diarsipkan,
        [typeof(ComplaintAssigned)] = null,
        [typeof(ComplaintForwardRequested)] = null,
        [typeof(SlaBreached)] = null,
        [typeof(ComplaintSupported)] = null,
        [typeof(AttachmentAdded)] = null,
        [typeof(ComplaintRated)] = null,
        [typeof(FollowUpRestarted)] = null,
        [typeof(ReportRead)] = null,
    };

    private static IEnumerable<Type> EventTypes => typeof(IComplaintEvent).Assembly.GetTypes()
        .Where(t => typeof(IComplaintEvent).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false });

    [Fact]
    public void Every_event_of_a_report_has_a_row()
    {
        var missing = EventTypes.Where(t => t != typeof(ReporterReplied) && !LeadsTo.ContainsKey(t)).Select(t => t.Name).ToList();
        Assert.Empty(missing);
    }

    public static TheoryData<string, ComplaintStatus, bool> EveryEventInEveryStatus()
    {
        var data = new TheoryData<string, ComplaintStatus, bool>();
        foreach (var type in EventTypes)
            foreach (var status in Enum.GetValues<ComplaintStatus>())
                foreach (var routed in new[] { false, true })
                    data.Add(type.Name, status, routed);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryEventInEveryStatus))]
    public void An_event_leads_to_the_status_the_table_gives(string eventName, ComplaintStatus current, bool routed)
    {
        var type = EventTypes.Single(t => t.Name == eventName);
        var e = (IComplaintEvent)RuntimeHelpers.GetUninitializedObject(type);
        ComplaintStatus? expected = type == typeof(ReporterReplied)
            ? current == ComplaintStatus.MenungguTanggapanPelapor ? routed ? ComplaintStatus.SedangDiproses : ComplaintStatus.BelumTerverifikasi : null
            : LeadsTo[type];

        Assert.Equal(expected, ReportLifecycle.StatusAfter(e, current, routed));
    }

    [Fact]
    public void Resolved_closed_and_archived_reports_are_the_only_ones_not_open()
    {
        var closed = Enum.GetValues<ComplaintStatus>().Where(s => !ReportLifecycle.IsOpen(s)).ToHashSet();

        Assert.Equal([ComplaintStatus.Selesai, ComplaintStatus.Ditutup, ComplaintStatus.Diarsipkan], closed.Order());
        Assert.Equal(Enum.GetValues<ComplaintStatus>().Where(s => !closed.Contains(s)), ReportLifecycle.OpenStatuses);
    }
}
