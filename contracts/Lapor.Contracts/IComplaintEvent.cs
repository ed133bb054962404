namespace Lapor.Contracts;

/// <summary>
/// What every integration event about a complaint carries.
/// <see cref="Sequence"/> is a per-complaint logical clock: a service stamps each event it publishes
/// with one more than the highest sequence it has seen for that complaint, so a consumer can tell a
/// stale or replayed event from a newer one whichever order they arrive in.
/// </summary>
public interface IComplaintEvent
{
    Guid ComplaintId { get; }
    string TrackingId { get; }
    int Sequence { get; }
    DateTimeOffset OccurredAt { get; }
}
