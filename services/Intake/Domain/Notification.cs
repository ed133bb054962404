using Lapor.Contracts;

namespace Lapor.Intake.Domain;

/// <summary>
/// An e-mail to the reporter about a step that matters to them, queued in the same transaction as the step (Intake's
/// own outbox for people): sent once, retried with back-off while the mail server is down, never lost. The address
/// is not stored here; the dispatcher opens the report's sealed contact when it sends. A confidential (<i>rahasia</i>)
/// report's notification says only that something happened, never what the report or the answer says.
/// </summary>
public sealed class Notification
{
    private Notification() { }

    public long Id { get; private set; }
    public Guid ComplaintId { get; private set; }
    public string Subject { get; private set; } = "";
    public string Body { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }

    /// <summary>The notification an event deserves, or null (no contact, or a step the reporter need not hear about).</summary>
    public static Notification? For(Complaint complaint, IComplaintEvent e, DateTimeOffset now)
    {
        if (complaint.SealedContact is null) return null;
        var (step, detail) = e switch
        {
            ComplaintRouted r => ($"diteruskan ke {r.AgencyName}", null),
            ReporterAsked a => ($"{a.AgencyName} meminta keterangan dari Anda", a.Question),
            AgencyResponded r => ($"{r.AgencyName} menanggapi laporan Anda", r.Text),
            ComplaintResolved r => ($"{r.AgencyName} menyatakan laporan selesai ditindaklanjuti", r.Answer),
            ComplaintArchived => ("laporan Anda ditutup oleh admin", null),
            _ => ((string?)null, (string?)null),
        };
        if (step is null) return null;
        var body = $"Laporan {complaint.TrackingId} \"{(complaint.Confidential ? "(rahasia)" : complaint.Title)}\": {step}.\n\n"
                   + (detail is not null && !complaint.Confidential ? detail + "\n\n" : "")
                   + "Lihat dan tanggapi di halaman Lacak Laporan dengan nomor laporan dan kode akses Anda.\n"
                   + "(Pesan otomatis dari Lapor. Jangan balas e-mail ini.)";
        return new Notification
        {
            ComplaintId = complaint.Id, Subject = $"[Lapor] {complaint.TrackingId}: {step}", Body = body,
            CreatedAt = now, NextAttemptAt = now,
        };
    }

    public void Sent(DateTimeOffset at) => SentAt = at;

    /// <summary>The mail server refused or was unreachable: try again later, waiting longer each time (at most an hour).</summary>
    public void Failed(DateTimeOffset now)
    {
        Attempts++;
        NextAttemptAt = now + TimeSpan.FromSeconds(Math.Min(3600, Math.Pow(2, Math.Min(Attempts, 12))));
    }
}
