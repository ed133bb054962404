using Lapor.Contracts;
using Lapor.Intake.Domain;

namespace Lapor.Intake.Tests;

/// <summary>What a notification may say: a confidential report's never names its matter, the agency or anyone's words.</summary>
public sealed class NotificationTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 9, 0, 0, TimeSpan.FromHours(7));

    private static Complaint Filed(bool confidential) =>
        Complaint.File(new NewComplaint(ReportType.Aduan, "Pungli rekam KTP di kecamatan", "Petugas meminta uang Rp 200.000 untuk rekam KTP.", null, "35.78",
            false, confidential), Channel.Api, Now, sealedContact: "sealed").Complaint;

    private static IEnumerable<IComplaintEvent> Steps(Complaint c) =>
    [
        new ComplaintRouted(c.Id, c.TrackingId, 2, Now, ReportType.Aduan, Sector.Kependudukan, "35.78", "35.78.disdukcapil",
            "Dinas Kependudukan dan Pencatatan Sipil Kota Surabaya", 0.9, c.Title, c.Text, c.Confidential, Now, Now.AddDays(5)),
        new AgencyResponded(c.Id, c.TrackingId, 3, Now, "35.78.disdukcapil", "Dinas Kependudukan dan Pencatatan Sipil Kota Surabaya",
            "Petugas yang meminta uang sudah kami periksa.", true),
    ];

    [Theory]
    [InlineData(NotificationMedium.Email)]
    [InlineData(NotificationMedium.Sms)]
    public void A_confidential_report_s_notification_names_neither_its_matter_nor_its_agency(NotificationMedium medium)
    {
        var complaint = Filed(confidential: true);
        foreach (var step in Steps(complaint))
        {
            var notification = Notification.For(complaint, step, Now, medium)!;
            var words = notification.Subject + " " + notification.Body;
            Assert.DoesNotContain("Kependudukan", words);
            Assert.DoesNotContain("Pungli", words);
            Assert.DoesNotContain("diperiksa", words);
            Assert.DoesNotContain("periksa", words);
            Assert.Contains(complaint.TrackingId, words);
        }
    }

    [Fact]
    public void An_open_report_s_notification_says_who_answered_and_what()
    {
        var complaint = Filed(confidential: false);
        var answered = Notification.For(complaint, Steps(complaint).Last(), Now)!;
        Assert.Contains("Kependudukan", answered.Subject);
        Assert.Contains("sudah kami periksa", answered.Body);
    }

    /// <summary>The confirmation at filing names the report and the next step, never the access code, and fits one SMS.</summary>
    [Theory]
    [InlineData(NotificationMedium.Email, false)]
    [InlineData(NotificationMedium.Email, true)]
    [InlineData(NotificationMedium.Sms, false)]
    [InlineData(NotificationMedium.Sms, true)]
    public void The_confirmation_at_filing_names_the_report_and_never_carries_the_access_code(NotificationMedium medium, bool confidential)
    {
        var (complaint, accessCode) = Complaint.File(new NewComplaint(ReportType.Aduan, "Pungli rekam KTP di kecamatan",
            "Petugas meminta uang Rp 200.000 untuk rekam KTP.", null, "35.78", false, confidential), Channel.Api, Now, sealedContact: "sealed");

        var notification = Notification.Filed(complaint, medium, 3, Now);
        var words = notification.Subject + " " + notification.Body;

        Assert.Contains(complaint.TrackingId, words);
        Assert.Contains("3 hari kerja", words);
        Assert.DoesNotContain(accessCode, words);
        Assert.Equal(!confidential && medium == NotificationMedium.Email, words.Contains("Pungli"));
        if (medium == NotificationMedium.Sms) Assert.True(notification.Body.Length <= 160, notification.Body);
    }
}
