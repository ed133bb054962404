namespace Lapor.Intake.Domain;

/// <summary>One supporter's <i>dukung</i> of a public report; the supporter is kept only as a hash.</summary>
public sealed class Support
{
    private Support() { }

    public Support(Guid complaintId, string supporterHash, DateTimeOffset at)
    {
        ComplaintId = complaintId;
        SupporterHash = supporterHash;
        At = at;
    }

    public Guid ComplaintId { get; private set; }
    public string SupporterHash { get; private set; } = "";
    public DateTimeOffset At { get; private set; }
}
