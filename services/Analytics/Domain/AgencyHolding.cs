using Lapor.Contracts;

namespace Lapor.Analytics.Domain;

/// <summary>
/// One agency's turn with one report: from the route that gave it the report to its answer, or to the forward that
/// passed it on. A scorecard counts every agency that held a report, not only the one holding it now, so an office
/// cannot clean its figures by forwarding: a forward after the deadline, unanswered, is late for the forwarder.
/// </summary>
public sealed class AgencyHolding
{
    private AgencyHolding() { }

    public Guid ComplaintId { get; private set; }
    public string AgencyId { get; private set; } = "";
    public DateTimeOffset? RoutedAt { get; private set; }
    public DateTimeOffset? FollowUpDueAt { get; private set; }
    /// <summary>This agency's first answer or resolution of the report.</summary>
    public DateTimeOffset? AnsweredAt { get; private set; }
    /// <summary>When this agency passed the report on (its latest forward).</summary>
    public DateTimeOffset? ForwardedAt { get; private set; }
    /// <summary>The forward named no other agency: <i>bukan wewenang</i> (not ours).</summary>
    public bool NotOurs { get; private set; }

    public static AgencyHolding For(Guid complaintId, string agencyId) => new() { ComplaintId = complaintId, AgencyId = agencyId };

    /// <summary>The agency an event is about, if it opens, answers or closes a holding; null for any other event.</summary>
    public static string? AgencyOf(IComplaintEvent e) => e switch
    {
        ComplaintRouted r => r.AgencyId,
        AgencyResponded r => r.AgencyId,
        ComplaintResolved r => r.AgencyId,
        ComplaintForwardRequested f => f.FromAgencyId,
        _ => null,
    };

    /// <summary>Applies an event about this agency's turn; any arrival order gives the same row.</summary>
    public void Apply(IComplaintEvent e)
    {
        switch (e)
        {
            case ComplaintRouted r when RoutedAt is null || r.OccurredAt < RoutedAt:
                RoutedAt = r.OccurredAt;
                FollowUpDueAt = r.FollowUpDueAt;
                break;
            case AgencyResponded or ComplaintResolved when AnsweredAt is null || e.OccurredAt < AnsweredAt:
                AnsweredAt = e.OccurredAt;
                break;
            case ComplaintForwardRequested f when ForwardedAt is null || f.OccurredAt > ForwardedAt:
                ForwardedAt = f.OccurredAt;
                NotOurs = f.TargetAgencyId is null;
                break;
        }
    }

    /// <summary>
    /// Whether the agency answered in time (true), late (false), or cannot be judged yet (null): answered, by its
    /// deadline or not; else forwarded, late when after the deadline and not judged when before it; else still
    /// unanswered, late once the deadline has passed.
    /// </summary>
    public bool? InTime(DateTimeOffset now) =>
        FollowUpDueAt is not { } due ? null
        : AnsweredAt is { } answered ? answered <= due
        : ForwardedAt is { } forwarded ? (forwarded > due ? false : null)
        : now > due ? false
        : null;
}
