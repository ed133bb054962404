using Lapor.Contracts;

namespace Lapor.AgencyDesk.Domain;

/// <summary>
/// Who read what: a member of staff opened a report at the desk or downloaded one of its attachments (from Intake,
/// by <see cref="ReportRead"/>). Holds staff ids, the report's tracking id and the time; nothing of the reporter.
/// </summary>
public sealed class ReadRecord
{
    private ReadRecord() { }

    public long Id { get; private set; }
    public Guid ComplaintId { get; private set; }
    public string TrackingId { get; private set; } = "";
    public DateTimeOffset At { get; private set; }
    public string ReaderId { get; private set; } = "";
    public string ReaderRole { get; private set; } = "";
    public string? ReaderAgencyId { get; private set; }
    /// <summary>The agency holding the report when it was read: whose supervisors see the record.</summary>
    public string? HeldBy { get; private set; }
    public string What { get; private set; } = "";

    public static ReadRecord Of(ReportRead read, string? heldBy) => new()
    {
        ComplaintId = read.ComplaintId, TrackingId = read.TrackingId, At = read.OccurredAt, ReaderId = read.ReaderId,
        ReaderRole = read.ReaderRole, ReaderAgencyId = read.ReaderAgencyId, HeldBy = heldBy, What = read.What,
    };
}
