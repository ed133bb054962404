
namespace Lapor.AgencyDesk.Domain;

/// <summary>What an officer is told about.</summary>
public enum NoticeKind
{
    /// <summary>A report reached the agency's inbox (to its supervisors).</summary>
    NewReport,
    /// <summary>A supervisor gave the officer a report.</summary>
    Assigned,
    /// <summary>The report the officer holds is due within a day, unanswered.</summary>
    DueSoon,
    /// <summary>The report the officer holds passed its follow-up deadline unanswered.</summary>
    Overdue,
    /// <summary>Another agency's missed deadline was escalated to this desk.</summary>
    Escalated,
    /// <summary>The reporter answered, or said they are not satisfied.</summary>
    ReporterReplied,
}

/// <summary>
/// One thing one officer should hear about, written in the same transaction as what causes it — so it is never lost —
/// and keyed by that cause (<see cref="Key"/>, unique) — so a redelivered event or a second sweep never makes two. The
/// portal shows the unread ones as a count; the <c>NoticeMailer</c> mails them to officers who left an address, one by
/// one or as a daily digest. It names the report and the kind of news, nothing about the reporter.
/// </summary>
public sealed class OfficerNotice
{
    private OfficerNotice() { }

    public long Id { get; private set; }
    public string Key { get; private set; } = "";
    public string AgencyId { get; private set; } = "";
    public string OfficerId { get; private set; } = "";
    public NoticeKind Kind { get; private set; }
    public Guid ComplaintId { get; private set; }
    public string TrackingId { get; private set; } = "";
    /// <summary>The report's title as the desk holds it (Intake masks personal data in it before it leaves).</summary>
    public string Title { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ReadAt { get; private set; }
    public DateTimeOffset? MailedAt { get; private set; }
    public int MailAttempts { get; private set; }
    public DateTimeOffset? NextMailAt { get; private set; }

    /// <summary>
    /// The notice for <paramref name="officerId"/> about <paramref name="complaint"/>; <paramref name="cause"/> tells
    /// this occurrence from another of the same kind (the event's sequence, the deadline), so each is told once.
    /// </summary>
    public static OfficerNotice For(Guid complaintId, string trackingId, string title, string agencyId, string officerId, NoticeKind kind, string cause,
        DateTimeOffset now) => new()
    {
        Key = $"{kind}:{complaintId:N}:{officerId}:{cause}",
        AgencyId = agencyId,
        OfficerId = officerId,
        Kind = kind,
        ComplaintId = complaintId,
        TrackingId = trackingId,
        Title = title,
        CreatedAt = now,
        NextMailAt = now,
    };

    /// <summary>
    /// Who at the desk hears about a report: the officer holding it, while still active; else the agency's supervisors;
    /// else, where the desk knows no supervisor yet, every active officer — news about a report never goes to nobody
    /// when the desk knows anyone.
    /// </summary>
    public static IReadOnlyList<string> Recipients(string? holder, IReadOnlyCollection<Officer> activeOfficers)
    {
        if (holder is not null && activeOfficers.Any(o => o.OfficerId == holder)) return [holder];
        var supervisors = activeOfficers.Where(o => o.Supervisor).Select(o => o.OfficerId).ToList();
        return supervisors.Count > 0 ? supervisors : activeOfficers.Select(o => o.OfficerId).ToList();
    }

    public void Read(DateTimeOffset now) => ReadAt ??= now;

    public void Mailed(DateTimeOffset now) => MailedAt ??= now;

    /// <summary>The mail server did not take it: try again after <paramref name="delay"/> (longer each time).</summary>
    public void MailFailed(DateTimeOffset now, Func<int, TimeSpan> delay)
    {
        MailAttempts++;
        NextMailAt = now + delay(MailAttempts);
    }

    /// <summary>The line that says what happened, in Bahasa Indonesia.</summary>
    public string Headline => Kind switch
    {
        NoticeKind.NewReport => $"Laporan baru {TrackingId} masuk ke kotak instansi",
        NoticeKind.Assigned => $"Laporan {TrackingId} ditugaskan kepada Anda",
        NoticeKind.DueSoon => $"Laporan {TrackingId} jatuh tempo dalam 1 hari",
        NoticeKind.Overdue => $"Laporan {TrackingId} melewati batas waktu tindak lanjut",
        NoticeKind.Escalated => $"Laporan {TrackingId} dieskalasi ke meja Anda",
        NoticeKind.ReporterReplied => $"Pelapor menanggapi laporan {TrackingId}",
        _ => TrackingId,
    };
}
