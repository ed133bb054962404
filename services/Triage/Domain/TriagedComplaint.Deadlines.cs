using Lapor.Contracts;

namespace Lapor.Triage.Domain;

/// <summary>
/// A report's clocks after it is routed: the agency's follow-up (stopped by its answer, restarted when the reporter
/// reopens the report), the breaches the sweep reports, and the close when the reporter leaves an answer unreplied.
/// </summary>
public sealed partial class TriagedComplaint
{
    /// <summary>When the agency first answered or resolved (since the last reopening): the follow-up clock stops.</summary>
    public DateTimeOffset? RespondedAt { get; private set; }
    /// <summary>When the reporter last said they were not satisfied: the follow-up clock started again then.</summary>
    public DateTimeOffset? ReopenedAt { get; private set; }
    /// <summary>The agency's latest answer.</summary>
    public DateTimeOffset? AnsweredAt { get; private set; }
    /// <summary>When the report closes by itself if the reporter does not reply to that answer; null when it will not.</summary>
    public DateTimeOffset? CloseQuietlyAt { get; private set; }
    /// <summary>The reporter's latest reply: an agency's answer older than it does not start the wait for one.</summary>
    public DateTimeOffset? RepliedAt { get; private set; }
    /// <summary>When the report was resolved (by the agency, or closed by itself); null while it is open.</summary>
    public DateTimeOffset? ResolvedAt { get; private set; }

    public DateTimeOffset? VerificationBreachedAt { get; private set; }
    public DateTimeOffset? FollowUpBreachedAt { get; private set; }

    /// <summary>What the reporter is told when a report closes for want of their reply.</summary>
    public static readonly string ClosedQuietlyAnswer =
        $"Laporan ditutup otomatis: tidak ada tanggapan dari pelapor dalam {ReportLifecycle.ReplyWorkingDays} hari kerja setelah jawaban instansi. "
        + "Jika belum puas, Anda masih dapat membuka kembali laporan ini.";

    private void Responded(IComplaintEvent e)
    {
        // An answer given before the reporter reopened the report (delivered late) does not stop the new clock.
        if (!(e.OccurredAt < ReopenedAt)) RespondedAt ??= e.OccurredAt;
        Sequence = Math.Max(Sequence, e.Sequence);
    }

    /// <summary>
    /// The agency answered the reporter: the follow-up clock stops, and unless the reporter replies within
    /// <see cref="ReportLifecycle.ReplyWorkingDays"/> working days the report closes by itself.
    /// </summary>
    public void Answered(AgencyResponded e, WorkingCalendar calendar)
    {
        Responded(e);
        if (ResolvedAt is not null || e.OccurredAt <= AnsweredAt || e.OccurredAt < ReopenedAt) return;
        AnsweredAt = e.OccurredAt;
        // A reply to this answer may arrive first (the two come from different services, in no fixed order).
        CloseQuietlyAt = e.OccurredAt < RepliedAt ? null : calendar.AddWorkingDays(e.OccurredAt, ReportLifecycle.ReplyWorkingDays, Region);
    }

    /// <summary>
    /// The reporter answered: a report on hold returns to the verification queue with its verification clock resumed
    /// (it stood still while the report waited for the reporter), and a report the agency answered no longer closes
    /// by itself (the agency owes the reporter a reply).
    /// </summary>
    public void ReporterReplied(IComplaintEvent e, WorkingCalendar calendar)
    {
        // On hold, the verification clock stood still: it resumes with the working days the report waited added on.
        if (PostponedAt is { } held && AwaitsVerification && e.OccurredAt > held)
        {
            var waited = calendar.WorkingDaysBetween(held, e.OccurredAt, Region);
            if (waited > 0) VerificationDueAt = calendar.AddWorkingDays(VerificationDueAt, waited, Region);
        }
        PostponedAt = null;
        if (!(e.OccurredAt <= RepliedAt)) RepliedAt = e.OccurredAt;
        if (e.OccurredAt > AnsweredAt) CloseQuietlyAt = null;
        Sequence = Math.Max(Sequence, e.Sequence);
    }

    /// <summary>The agency resolved the report.</summary>
    public void Resolved(ComplaintResolved e)
    {
        Responded(e);
        if (e.OccurredAt < ReopenedAt) return;
        ResolvedAt ??= e.OccurredAt;
        CloseQuietlyAt = null;
    }

    /// <summary>The report closes by itself when the reporter left the agency's answer unreplied past its time.</summary>
    public ComplaintResolved? CloseIfQuiet(DateTimeOffset now, IReadOnlyList<Agency> agencies)
    {
        if (CloseQuietlyAt is not { } due || due >= now || ResolvedAt is not null || ArchivedAt is not null) return null;
        ResolvedAt = now;
        CloseQuietlyAt = null;
        var agencyName = agencies.FirstOrDefault(a => a.Id == AgencyId)?.Name ?? AgencyId;
        return new ComplaintResolved(ComplaintId, TrackingId, ++Sequence, now, AgencyId, agencyName, ClosedQuietlyAnswer);
    }

    /// <summary>
    /// The reporter was not satisfied: the agency owes a new follow-up within <see cref="ReportLifecycle.FollowUpWorkingDays"/> working
    /// days of the reopening, and a reopened report that waits past it is escalated the same way as a new one.
    /// </summary>
    /// <returns>The new deadline, for the desk and the reporter; null when the reopening changes nothing here.</returns>
    public FollowUpRestarted? Reopened(ComplaintReopened e, WorkingCalendar calendar)
    {
        Sequence = Math.Max(Sequence, e.Sequence);
        if (RoutedAt is null || e.OccurredAt <= ReopenedAt) return null;
        ReopenedAt = e.OccurredAt;
        ResolvedAt = null;
        CloseQuietlyAt = null;
        RespondedAt = null;
        FollowUpBreachedAt = null;
        FollowUpDueAt = calendar.AddWorkingDays(e.OccurredAt, ReportLifecycle.FollowUpWorkingDays, Region);
        return new FollowUpRestarted(ComplaintId, TrackingId, ++Sequence, e.OccurredAt, AgencyId, FollowUpDueAt.Value);
    }

    /// <summary>The breaches due at <paramref name="now"/>, each reported once, with the desk it escalates to.</summary>
    public IEnumerable<SlaBreached> Breaches(DateTimeOffset now, IReadOnlyList<Agency> agencies)
    {
        if (AwaitsVerification && PostponedAt is null && VerificationBreachedAt is null && VerificationDueAt < now)
        {
            VerificationBreachedAt = now;
            yield return new SlaBreached(ComplaintId, TrackingId, ++Sequence, now, SlaBreached.Verification, AgencyId, VerificationDueAt, Agency.AdminDesk);
        }
        if (RoutedAt is not null && RespondedAt is null && FollowUpBreachedAt is null && FollowUpDueAt < now)
        {
            FollowUpBreachedAt = now;
            yield return new SlaBreached(ComplaintId, TrackingId, ++Sequence, now, SlaBreached.FollowUp, AgencyId, FollowUpDueAt!.Value,
                Escalation.For(AgencyId, Sector, agencies));
        }
    }
}
