using Lapor.Contracts;

namespace Lapor.Intake.Domain;

/// <summary>
/// An e-mail or SMS to the reporter about a step that matters to them, queued in the same transaction as the step (Intake's
/// own outbox for people): sent once, retried with back-off while the mail server is down, never lost. The address
/// is not stored here; the dispatcher opens the report's sealed contact when it sends. A confidential (<i>rahasia</i>)
/// report's notification says only that there is news, never its matter, the agency or what anyone wrote: mailboxes
/// and phones are shared, and the agency's name alone can say what the report is about.
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

    public NotificationMedium Medium { get; private set; }

    /// <summary>A step of the report, or a fresh access code the reporter asked for (made only when it is sent).</summary>
    public NotificationPurpose Purpose { get; private set; }

    /// <summary>Where a fresh access code goes in the body: the code itself is made at sending and never stored here.</summary>
    public const string AccessCodeSlot = "{kode-akses}";

    /// <summary>
    /// A fresh access code for a reporter who lost theirs, to the contact they left: e-mail when there is one, else SMS
    /// (the reporter left that number to be reached on it). The dispatcher makes the code when it sends, and the old one
    /// stops working only then, so a mail server that is down never leaves the reporter without a working code.
    /// </summary>
    public static Notification NewAccessCode(Complaint complaint, NotificationMedium medium, DateTimeOffset now) => new()
    {
        ComplaintId = complaint.Id, Medium = medium, Purpose = NotificationPurpose.NewAccessCode, CreatedAt = now, NextAttemptAt = now,
        Subject = medium == NotificationMedium.Sms ? "" : $"[Lapor] {complaint.TrackingId}: kode akses baru",
        Body = medium == NotificationMedium.Sms
            ? $"Lapor {complaint.TrackingId}: kode akses baru {AccessCodeSlot}. Kode lama tidak berlaku lagi. Jangan berikan kepada siapa pun."
            : $"Kode akses baru untuk laporan {complaint.TrackingId}: {AccessCodeSlot}\n\n"
              + "Kode akses yang lama tidak berlaku lagi. Simpan kode ini dan jangan berikan kepada siapa pun, termasuk petugas.\n"
              + "Jika Anda tidak meminta kode baru, abaikan pesan ini; kode ini hanya dikirim ke kontak yang Anda tinggalkan.\n"
              + "(Pesan otomatis dari Lapor. Jangan balas e-mail ini.)",
    };

    /// <summary>The message as it goes out, with the fresh access code in its slot; nothing of it is stored.</summary>
    public Notification WithAccessCode(string accessCode) => new()
    {
        Id = Id, ComplaintId = ComplaintId, Medium = Medium, Purpose = Purpose, CreatedAt = CreatedAt, NextAttemptAt = NextAttemptAt,
        Subject = Subject, Body = Body.Replace(AccessCodeSlot, accessCode),
    };

    /// <summary>Whether the reporter is told about this step at all (so the contact is opened only when they are).</summary>
    public static bool Tells(IComplaintEvent e) => StepOf(e).Step is not null;

    /// <summary>The notification an event deserves on one medium, or null (no contact, or a step the reporter need not hear about).</summary>
    public static Notification? For(Complaint complaint, IComplaintEvent e, DateTimeOffset now, NotificationMedium medium = NotificationMedium.Email)
    {
        if (complaint.SealedContact is null) return null;
        var (step, detail) = StepOf(e);
        if (step is null) return null;
        if (complaint.Confidential) (step, detail) = (ConfidentialStep, null);
        var (subject, body) = medium switch
        {
            // An SMS fits one 160-character message on a cheap phone: the number, the step, where to look.
            NotificationMedium.Sms => ("", Shorten($"Lapor {complaint.TrackingId}: {step}. Cek di Lacak Laporan dengan kode akses Anda.", 160)),
            _ => ($"[Lapor] {complaint.TrackingId}: {step}",
                $"Laporan {complaint.TrackingId} \"{(complaint.Confidential ? "(rahasia)" : complaint.Title)}\": {step}.\n\n"
                + (detail is not null && !complaint.Confidential ? detail + "\n\n" : "")
                + "Lihat dan tanggapi di halaman Lacak Laporan dengan nomor laporan dan kode akses Anda.\n"
                + "(Pesan otomatis dari Lapor. Jangan balas e-mail ini.)"),
        };
        return new Notification { ComplaintId = complaint.Id, Medium = medium, Subject = subject, Body = body, CreatedAt = now, NextAttemptAt = now };
    }

    /// <summary>
    /// The confirmation that the report was taken: its number and what happens next. Never the access code — the
    /// filing page (or the SMS channel's reply) showed it once to the reporter alone, while a mailbox or a phone's
    /// messages may be read by others; a reporter who lost it asks for a new one on the tracking page.
    /// </summary>
    public static Notification Filed(Complaint complaint, NotificationMedium medium, int verifyWithinWorkingDays, DateTimeOffset now)
    {
        var (subject, body) = medium switch
        {
            NotificationMedium.Sms => ("", Shorten($"Lapor {complaint.TrackingId} diterima, diverifikasi dlm {verifyWithinWorkingDays} hari kerja. " +
                "Cek di Lacak Laporan dgn kode akses dari saat melapor (tdk dikirim lewat SMS).", 160)),
            _ => ($"[Lapor] {complaint.TrackingId}: laporan diterima",
                $"Laporan {complaint.TrackingId} \"{(complaint.Confidential ? "(rahasia)" : complaint.Title)}\" sudah kami terima. " +
                $"Laporan diverifikasi dalam {verifyWithinWorkingDays} hari kerja, lalu diteruskan ke instansi yang berwenang.\n\n" +
                "Ikuti perkembangannya di halaman Lacak Laporan dengan nomor laporan ini dan kode akses yang tampil saat Anda melapor " +
                "(kode itu tidak dikirim lewat e-mail). Jika kode hilang, minta kode baru di halaman yang sama.\n" +
                "(Pesan otomatis dari Lapor. Jangan balas e-mail ini.)"),
        };
        return new Notification { ComplaintId = complaint.Id, Medium = medium, Subject = subject, Body = body, CreatedAt = now, NextAttemptAt = now };
    }

    /// <summary>All a confidential report's notifications say of the step.</summary>
    public const string ConfidentialStep = "ada kabar baru tentang laporan Anda";

    private static (string? Step, string? Detail) StepOf(IComplaintEvent e) => e switch
    {
        ComplaintRouted r => ($"diteruskan ke {r.AgencyName}", null),
        ReporterAsked a => ($"{a.AgencyName} meminta keterangan dari Anda", a.Question),
        AgencyResponded r => ($"{r.AgencyName} menanggapi laporan Anda", r.Text),
        ComplaintResolved r => ($"{r.AgencyName} menyatakan laporan selesai ditindaklanjuti", r.Answer),
        ComplaintArchived => ("laporan Anda ditutup oleh admin", null),
        _ => (null, null),
    };

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    public void Sent(DateTimeOffset at) => SentAt = at;

    /// <summary>The mail server or SMS gateway refused or was unreachable: try again after <paramref name="delay"/> (longer each time).</summary>
    public void Failed(DateTimeOffset now, Func<int, TimeSpan> delay)
    {
        Attempts++;
        NextAttemptAt = now + delay(Attempts);
    }
}

public enum NotificationPurpose
{
    Step,
    NewAccessCode,
}

/// <summary>How a notification reaches the reporter: the e-mail address or the phone number they left.</summary>
public enum NotificationMedium
{
    Email,
    Sms,
}
