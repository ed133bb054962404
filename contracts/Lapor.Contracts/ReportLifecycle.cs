namespace Lapor.Contracts;

/// <summary>
/// The rules of a report's life that every service reads alike: the status an event leads to, which statuses are still
/// open, and the service levels the deadlines are counted in (working days: Monday to Friday, holidays excluded).
/// Pure — no clock, no storage — so Intake's timeline, the desk's inbox and analytics' figures cannot drift apart.
/// </summary>
public static class ReportLifecycle
{
    /// <summary>Verification and routing after filing (SP4N-LAPOR!: three working days).</summary>
    public const int VerificationWorkingDays = 3;

    /// <summary>The agency's follow-up (<i>tindak lanjut</i>) after routing or reopening (five working days).</summary>
    public const int FollowUpWorkingDays = 5;

    /// <summary>How long a report waits for the reporter after the agency's answer before it closes by itself.</summary>
    public const int ReplyWorkingDays = 10;

    /// <summary>
    /// The status <paramref name="e"/> leads to from <paramref name="current"/>, or null when it leaves the status as
    /// it is (a rating, a support, an attachment, a forward request, a breach). A reporter's reply answers a question:
    /// it hands the report back to the agency when one holds it (<paramref name="routed"/>), else back to
    /// verification; a reply nobody asked for changes nothing.
    /// </summary>
    public static ComplaintStatus? StatusAfter(IComplaintEvent e, ComplaintStatus current, bool routed) => e switch
    {
        ComplaintSubmitted => ComplaintStatus.BelumTerverifikasi,
        ComplaintVerified => ComplaintStatus.Terverifikasi,
        ComplaintRouted => ComplaintStatus.Terdisposisi,
        ReporterAsked => ComplaintStatus.MenungguTanggapanPelapor,
        ReporterReplied when current == ComplaintStatus.MenungguTanggapanPelapor =>
            routed ? ComplaintStatus.SedangDiproses : ComplaintStatus.BelumTerverifikasi,
        AgencyResponded => ComplaintStatus.SedangDiproses,
        ComplaintReopened => ComplaintStatus.SedangDiproses,
        ComplaintResolved => ComplaintStatus.Selesai,
        ComplaintArchived => ComplaintStatus.Diarsipkan,
        _ => null,
    };

    /// <summary>Still being handled: not resolved, closed or archived (a resolved report may yet be reopened).</summary>
    public static bool IsOpen(ComplaintStatus status) =>
        status is not (ComplaintStatus.Selesai or ComplaintStatus.Ditutup or ComplaintStatus.Diarsipkan);

    /// <summary>The statuses <see cref="IsOpen"/> calls open, for a query's <c>IN</c>.</summary>
    public static readonly IReadOnlyList<ComplaintStatus> OpenStatuses = Enum.GetValues<ComplaintStatus>().Where(IsOpen).ToArray();
}
