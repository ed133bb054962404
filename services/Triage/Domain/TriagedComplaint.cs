using Lapor.Contracts;
using Lapor.ServiceDefaults.Problems;

namespace Lapor.Triage.Domain;

/// <summary>A report as triage keeps it: its route, its deadlines and the sequence of the events about it.</summary>
public sealed partial class TriagedComplaint
{
    private TriagedComplaint() { }

    public Guid ComplaintId { get; private set; }
    public string TrackingId { get; private set; } = "";
    public ReportType Type { get; private set; }
    public Sector Sector { get; private set; }
    public string? Region { get; private set; }
    public string AgencyId { get; private set; } = "";
    public double Confidence { get; private set; }
    public DateTimeOffset FiledAt { get; private set; }
    public DateTimeOffset VerificationDueAt { get; private set; }
    public DateTimeOffset? RoutedAt { get; private set; }
    public DateTimeOffset? FollowUpDueAt { get; private set; }
    public int Sequence { get; private set; }
    /// <summary>How many times agencies have passed the report on; after <see cref="MaximumHops"/> it goes to the admin desk.</summary>
    public int Hops { get; private set; }
    public string Title { get; private set; } = "";
    public string Text { get; private set; } = "";
    /// <summary>What a later report's duplicate search compares; null only on reports triaged before it was kept (backfilled at start-up).</summary>
    public WordPrint? Words { get; private set; }
    /// <summary>The citizen's location detail, passed on to the desk.</summary>
    public string? Location { get; private set; }
    public bool Confidential { get; private set; }
    /// <summary>The first report of the matter this one repeats (see <see cref="Duplicates"/>); null when it is the first.</summary>
    public Guid? ClusterId { get; private set; }

    public const int MaximumHops = 3;


    public DateTimeOffset? ArchivedAt { get; private set; }
    public string? ArchiveReason { get; private set; }

    /// <summary>Waiting at the admin desk for a verifier to route or archive it.</summary>
    public bool AwaitsVerification => RoutedAt is null && ArchivedAt is null;

    /// <summary>Set while a verifier waits (<i>tunda</i>) for the reporter to add what the report lacks.</summary>
    public DateTimeOffset? PostponedAt { get; private set; }

    /// <summary>A verifier puts the report on hold and asks the reporter (through Intake) for what is missing.</summary>
    public ReporterAsked Postpone(Agency adminDesk, string question, DateTimeOffset now, string verifierId)
    {
        if (!AwaitsVerification) throw new ConflictException("Only a report waiting for verification can be put on hold.");
        if (PostponedAt is not null) throw new ConflictException("The report is already on hold, waiting for the reporter.");
        PostponedAt = now;
        return new ReporterAsked(ComplaintId, TrackingId, ++Sequence, now, adminDesk.Id, adminDesk.Name, question, verifierId);
    }


    /// <summary>A verifier routes a report that waited at the admin desk (possibly correcting sector and type).</summary>
    public ComplaintRouted Verify(Agency agency, Sector sector, ReportType type, WorkingCalendar calendar, DateTimeOffset now, string verifierId, string? reason)
    {
        if (!AwaitsVerification) throw new ConflictException("This report is not waiting for verification.");
        if (!agency.Sectors.Contains(sector)) throw new InvalidActionException("sector", $"{agency.Name} does not handle {sector}.");
        Sector = sector;
        Type = type;
        Hops = 0; // a verifier's decision: agencies may pass it on three times again
        return RouteTo(agency, calendar, now, verifierId, reason, verifies: true);
    }

    /// <summary>A verifier changes the route of a report already routed (triage's, or an agency's forward, was wrong).</summary>
    public ComplaintRouted ChangeRoute(Agency agency, Sector sector, WorkingCalendar calendar, DateTimeOffset now, string verifierId, string reason)
    {
        if (RoutedAt is null || ArchivedAt is not null) throw new ConflictException("Only a routed report can be routed elsewhere; route a waiting one from the queue.");
        if (agency.Id == AgencyId) throw new ConflictException("The report is already with this agency.");
        if (!agency.Sectors.Contains(sector)) throw new InvalidActionException("sector", $"{agency.Name} does not handle {sector}.");
        Sector = sector;
        Hops = 0;
        return RouteTo(agency, calendar, now, verifierId, reason);
    }

    public ComplaintArchived Archive(string reason, string verifierId, DateTimeOffset now)
    {
        if (!AwaitsVerification) throw new ConflictException("Only a report waiting for verification can be archived.");
        ArchivedAt = now;
        ArchiveReason = reason;
        return new ComplaintArchived(ComplaintId, TrackingId, ++Sequence, now, reason, verifierId);
    }

    /// <summary>Keeps the duplicate search's words of a report triaged before they were kept.</summary>
    public void KeepWords() => Words ??= WordPrint.Of(Title, Text);

    /// <summary>Applies a decision to a newly filed report and returns the events it causes.</summary>
    public static (TriagedComplaint, IReadOnlyList<IComplaintEvent>) Triage(
        ComplaintSubmitted filed, RoutingDecision decision, Guid? clusterId, WorkingCalendar calendar, DateTimeOffset now, WordPrint? words = null)
    {
        var complaint = new TriagedComplaint
        {
            ComplaintId = filed.ComplaintId,
            TrackingId = filed.TrackingId,
            Type = decision.Type,
            Sector = decision.Sector,
            Region = decision.Region,
            AgencyId = decision.AgencyId,
            Confidence = decision.Confidence,
            FiledAt = filed.OccurredAt,
            VerificationDueAt = calendar.AddWorkingDays(filed.OccurredAt, ReportLifecycle.VerificationWorkingDays, decision.Region),
            Sequence = filed.Sequence,
            Title = filed.Title,
            Text = filed.Text,
            Words = words ?? WordPrint.Of(filed.Title, filed.Text),
            Location = filed.Location,
            Confidential = filed.Confidential,
            ClusterId = clusterId,
        };
        if (decision.AgencyId == Agency.AdminDesk) return (complaint, []);

        complaint.RoutedAt = now;
        complaint.FollowUpDueAt = calendar.AddWorkingDays(now, ReportLifecycle.FollowUpWorkingDays, decision.Region);
        var routed = new ComplaintRouted(complaint.ComplaintId, complaint.TrackingId, ++complaint.Sequence, now,
            decision.Type, decision.Sector, decision.Region, decision.AgencyId, decision.AgencyName, decision.Confidence,
            filed.Title, filed.Text, filed.Confidential, filed.OccurredAt, complaint.FollowUpDueAt.Value, filed.Location, clusterId,
            complaint.VerificationDueAt);
        return (complaint, [routed]);
    }

    /// <summary>The sector the report keeps with <paramref name="agency"/>: its own if the agency handles it or coordinates (a secretariat), else the agency's first.</summary>
    public Sector SectorFor(Agency agency) => agency.IsCoordinatingDesk || agency.Sectors.Contains(Sector) ? Sector : agency.Sectors[0];

    /// <summary>
    /// An agency passed the report on. A valid target gets it; with no target (bukan wewenang), an unknown one,
    /// or after <see cref="MaximumHops"/> hops, the national admin desk does. Returns the new route.
    /// </summary>
    public ComplaintRouted Forward(ComplaintForwardRequested request, IReadOnlyList<Agency> agencies, WorkingCalendar calendar, DateTimeOffset now)
    {
        // The admin desk's forward is a verifier's decision: it is honoured, and the hops count again from it
        // (otherwise a report that reached the admin desk after three hops could never leave it).
        Hops = request.FromAgencyId == Agency.AdminDesk ? 0 : Hops + 1;
        Sequence = Math.Max(Sequence, request.Sequence);
        var target = agencies.FirstOrDefault(a => a.Id == request.TargetAgencyId && a.Id != request.FromAgencyId);
        if (target is null || Hops >= MaximumHops) target = agencies.First(a => a.Id == Agency.AdminDesk);
        else Sector = SectorFor(target);

        return RouteTo(target, calendar, now, request.FromAgencyId, request.Reason);
    }

    /// <summary>
    /// Hands the report to <paramref name="target"/>, which owes a follow-up within <see cref="ReportLifecycle.FollowUpWorkingDays"/>
    /// working days; the event says who decided (null: triage itself) and why, and whether it also verifies the report.
    /// </summary>
    private ComplaintRouted RouteTo(Agency target, WorkingCalendar calendar, DateTimeOffset now, string? decidedBy, string? reason, bool verifies = false)
    {
        AgencyId = target.Id;
        Confidence = 1.0;
        RoutedAt = now;
        RespondedAt = null;
        FollowUpBreachedAt = null;
        var region = Region ?? target.Region;
        FollowUpDueAt = calendar.AddWorkingDays(now, ReportLifecycle.FollowUpWorkingDays, region);
        return new ComplaintRouted(ComplaintId, TrackingId, ++Sequence, now, Type, Sector, region, target.Id, target.Name, 1.0,
            Title, Text, Confidential, FiledAt, FollowUpDueAt.Value, Location, ClusterId, verifies ? VerificationDueAt : null, decidedBy, reason);
    }
}
