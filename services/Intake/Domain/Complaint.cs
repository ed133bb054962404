using System.Linq.Expressions;
using Lapor.Contracts;
using Lapor.ServiceDefaults.Problems;

namespace Lapor.Intake.Domain;

/// <summary>
/// A citizen's report as Intake keeps it: what was filed, the secret that lets the citizen follow it, and
/// the timeline other services' events build. Status follows the newest event by sequence, so events
/// arriving twice or out of order leave it where it should be.
/// </summary>
public sealed class Complaint
{
    private readonly List<TimelineEntry> _timeline = [];

    private Complaint() { }

    public Guid Id { get; private set; }
    public string TrackingId { get; private set; } = "";
    public string AccessCodeHash { get; private set; } = "";

    /// <summary>A fresh access code the reporter was sent replaces the old one, which stops working.</summary>
    public void ReplaceAccessCode(string accessCode) => AccessCodeHash = AccessCodes.Hash(accessCode);
    public ReportType Type { get; private set; }
    public string Title { get; private set; } = "";
    public string Text { get; private set; } = "";
    public Sector? Sector { get; private set; }
    public string? Region { get; private set; }

    /// <summary>The longest place description a report keeps.</summary>
    public const int LocationMaxLength = 200;

    /// <summary>Free-text location detail ("depan Pasar Wonokromo, RT 03").</summary>
    public string? Location { get; private set; }
    public double? Latitude { get; private set; }
    public double? Longitude { get; private set; }
    public DateOnly? IncidentDate { get; private set; }
    public Channel Channel { get; private set; }
    public bool Anonymous { get; private set; }
    public bool Confidential { get; private set; }
    public DateTimeOffset FiledAt { get; private set; }
    /// <summary>
    /// What the public may search: title and text with personal data masked, folded (<see cref="PublicSearch"/>).
    /// Searching anything else would let anyone confirm whose NIK or phone number a report holds.
    /// </summary>
    public string? SearchText { get; private set; }
    /// <summary>When a verifier (or triage's confident route) verified the report; only then is it public.</summary>
    public DateTimeOffset? VerifiedAt { get; private set; }
    /// <summary>The reporter's contact details, encrypted; see <see cref="ReporterVault"/>.</summary>
    public string? SealedContact { get; private set; }
    /// <summary>
    /// The account the report belongs to ("Laporan saya"): a keyed one-way key of the signed-in citizen's id
    /// (<see cref="OwnerKeys"/>), never the id itself; null for a report filed without signing in and not attached
    /// since. Intake alone holds it: no event carries it, so an account never reveals an anonymous reporter to staff.
    /// </summary>
    public string? OwnerKey { get; private set; }

    /// <summary>Attaches the report to the account; false when another account holds it.</summary>
    public bool BelongTo(string ownerKey)
    {
        if (OwnerKey is not null && OwnerKey != ownerKey) return false;
        OwnerKey = ownerKey;
        return true;
    }
    /// <summary>When the reporter's personal data was erased (at their request, or after the retention period).</summary>
    public DateTimeOffset? PersonalDataErasedAt { get; private set; }

    public ComplaintStatus Status { get; private set; }
    public string? AgencyId { get; private set; }
    public string? AgencyName { get; private set; }
    /// <summary>When the agency must have followed up (from triage's routing, in working days).</summary>
    public DateTimeOffset? FollowUpDueAt { get; private set; }

    /// <summary>Highest event sequence seen for this complaint (the per-complaint logical clock).</summary>
    public int Sequence { get; private set; }
    /// <summary>Sequence of the event that set <see cref="Status"/>.</summary>
    public int StatusSequence { get; private set; }

    public IReadOnlyList<TimelineEntry> Timeline => _timeline;

    public static (Complaint Complaint, string AccessCode) File(NewComplaint report, Channel channel, DateTimeOffset now, string? sealedContact = null)
    {
        var accessCode = AccessCodes.NewAccessCode();
        var complaint = new Complaint
        {
            Id = Guid.CreateVersion7(now),
            TrackingId = AccessCodes.NewTrackingId(),
            AccessCodeHash = AccessCodes.Hash(accessCode),
            Type = report.Type,
            Title = report.Title,
            Text = report.Text,
            Sector = report.Sector,
            Region = report.Region,
            Location = report.Place?.Location,
            Latitude = report.Place?.Latitude,
            Longitude = report.Place?.Longitude,
            IncidentDate = report.Place?.IncidentDate,
            Channel = channel,
            Anonymous = report.Anonymous,
            Confidential = report.Confidential,
            FiledAt = now,
            SealedContact = sealedContact,
            SearchText = PublicSearch.Fold(report.Title + "\n" + report.Text),
            Status = ComplaintStatus.BelumTerverifikasi,
            Sequence = 1,
            StatusSequence = 1,
        };
        complaint._timeline.Add(new TimelineEntry(1, now, TimelineStep.Filed, ComplaintStatus.BelumTerverifikasi, null));
        return (complaint, accessCode);
    }

    /// <summary>
    /// The event other services learn of the report from. The citizen's words leave Intake masked: the desk, triage and
    /// analytics need the matter, never a phone, NIK or e-mail the reporter typed into it (UU 27/2022).
    /// </summary>
    public ComplaintSubmitted Submitted() =>
        new(Id, TrackingId, 1, FiledAt, Type, PersonalDataMask.Apply(Title), PersonalDataMask.Apply(Text), Sector, Region,
            Channel, Anonymous, Confidential, Location is null ? null : PersonalDataMask.Apply(Location));

    /// <summary>How long after a resolution the reporter may say they are not satisfied.</summary>
    public static readonly TimeSpan ReopenWindow = TimeSpan.FromDays(14);

    public int? Rating { get; private set; }

    public ReporterReplied Reply(string text, DateTimeOffset now)
    {
        if (Status is ComplaintStatus.Ditutup or ComplaintStatus.Diarsipkan)
            throw new ConflictException("The report is closed; file a new report instead.");
        var e = new ReporterReplied(Id, TrackingId, Sequence + 1, now, PersonalDataMask.Apply(text));
        Record(e, TimelineStep.ReporterReplied, text);
        return e;
    }

    /// <summary>Closed for good: resolved, closed or archived (a resolved report may still be reopened for a while).</summary>
    public bool IsClosed => !ReportLifecycle.IsOpen(Status);

    /// <summary>
    /// Whether the deadline a step carries was kept: verification by the time it happened; a routing's or a reopening's
    /// follow-up by the agency's first answer or resolution after it. False once the deadline passed unanswered; null
    /// while it has not, or when the step carries none.
    /// </summary>
    public bool? DeadlineKept(TimelineEntry step, DateTimeOffset now)
    {
        if (step.DueAt is not { } due) return null;
        if (step.Step == TimelineStep.Verified) return step.At <= due;
        var answered = _timeline.Where(t => t.At >= step.At && t.Step is TimelineStep.AgencyResponded or TimelineStep.Resolved)
            .Select(t => (DateTimeOffset?)t.At).Min();
        return answered is { } at ? at <= due : now > due ? false : null;
    }

    /// <summary>When the report last changed: its newest timeline step.</summary>
    public DateTimeOffset LastActivityAt => _timeline.Count == 0 ? FiledAt : _timeline.Max(t => t.At);

    /// <summary>
    /// Erases what identifies the reporter (UU 27/2022): the contact, and the personal data typed into the report and
    /// into their replies, reasons and comments, which are kept masked as the public already reads them. The report,
    /// its public content, its history and every figure stay as they are.
    /// </summary>
    public void ErasePersonalData(DateTimeOffset now)
    {
        SealedContact = null;
        Title = PersonalDataMask.Apply(Title);
        Text = PersonalDataMask.Apply(Text);
        if (Location is not null) Location = PersonalDataMask.Apply(Location);
        for (var i = 0; i < _timeline.Count; i++)
            if (_timeline[i] is { Step: TimelineStep.ReporterReplied or TimelineStep.Reopened or TimelineStep.Rated, Detail: { } detail } entry
                && PersonalDataMask.Apply(detail) is var masked && masked != detail)
                _timeline[i] = entry with { Detail = masked };
        PersonalDataErasedAt ??= now;
    }

    /// <summary>Whether the reporter may rate the handling now: the agency has answered, and this answer is not rated yet.</summary>
    public bool CanRate => Rating is null && _timeline.Any(t => t.Step is TimelineStep.AgencyResponded or TimelineStep.Resolved);

    public ComplaintRated Rate(int rating, string? comment, DateTimeOffset now)
    {
        if (!_timeline.Any(t => t.Step is TimelineStep.AgencyResponded or TimelineStep.Resolved))
            throw new ConflictException("A report can be rated once the agency has answered.");
        if (Rating is not null) throw new ConflictException("This report has been rated.");
        Rating = rating;
        var e = new ComplaintRated(Id, TrackingId, Sequence + 1, now, rating, comment is null ? null : PersonalDataMask.Apply(comment));
        Record(e, TimelineStep.Rated, $"{rating}/5");
        return e;
    }

    public ComplaintReopened Reopen(string reason, DateTimeOffset now)
    {
        var resolved = _timeline.Where(t => t.Step == TimelineStep.Resolved).Select(t => (DateTimeOffset?)t.At).Max();
        if (Status != ComplaintStatus.Selesai || resolved is null) throw new ConflictException("Only a resolved report can be reopened.");
        if (now - resolved > ReopenWindow) throw new ConflictException("The time to say you are not satisfied has passed.");
        var e = new ComplaintReopened(Id, TrackingId, Sequence + 1, now, PersonalDataMask.Apply(reason));
        Rating = null; // the agency's next answer is rated afresh
        Record(e, TimelineStep.Reopened, reason);
        return e;
    }

    /// <summary>
    /// Whether anyone may read it in the public feed: verified (as LAPOR! publishes), not confidential (<i>rahasia</i>)
    /// and not archived.
    /// </summary>
    public bool IsPublic => IsPublicRule(this);

    /// <summary><see cref="IsPublic"/> as a query can use it (the feed, Open311): one rule, written once.</summary>
    public static readonly Expression<Func<Complaint, bool>> Publicly =
        c => c.VerifiedAt != null && !c.Confidential && c.Status != ComplaintStatus.Diarsipkan;

    private static readonly Func<Complaint, bool> IsPublicRule = Publicly.Compile();

    /// <summary>Fills what reports stored before these columns existed lack: their search words and when they were verified.</summary>
    public void KeepPublicFields()
    {
        SearchText ??= PublicSearch.Fold(Title + "\n" + Text);
        VerifiedAt ??= _timeline.Where(t => t.Step == TimelineStep.Verified).Select(t => (DateTimeOffset?)t.At).Min();
    }

    /// <summary>One supporter's <i>dukung</i>; the count is the number of such rows, so concurrent supports never lose one.</summary>
    public Support Support(string supporterHash, DateTimeOffset now) =>
        IsPublic ? new Support(Id, supporterHash, now) : throw new NotFoundException("No public report with this tracking id.");

    /// <summary>The event that tells other services one more citizen supports the report (without saying who).</summary>
    public ComplaintSupported Supported(DateTimeOffset now) => new(Id, TrackingId, Sequence, now);

    /// <summary>Applies another service's event to the citizen's view of the report.</summary>
    public void Apply(IComplaintEvent e)
    {
        switch (e)
        {
            case ComplaintVerified verified:
                Record(e, TimelineStep.Verified, null, verified.VerificationDueAt);
                break;
            case ComplaintRouted routed:
                // The route that verifies the report is both steps for the citizen: verified, then routed.
                if (routed.VerificationDueAt is { } verificationDue) AddStep(e, TimelineStep.Verified, ComplaintStatus.Terverifikasi, null, verificationDue);
                if (Record(e, TimelineStep.Routed, routed.AgencyName, routed.FollowUpDueAt))
                {
                    AgencyId = routed.AgencyId;
                    AgencyName = routed.AgencyName;
                    Sector = routed.Sector; // triage's decision, which may correct the citizen's choice
                    FollowUpDueAt = routed.FollowUpDueAt;
                }
                break;
            case ComplaintForwardRequested:
                Record(e, TimelineStep.Forwarded, null);
                break;
            case ReporterAsked asked:
                Record(e, TimelineStep.AgencyAsked, asked.Question);
                break;
            case AgencyResponded responded:
                Record(e, TimelineStep.AgencyResponded, responded.Text);
                break;
            case ComplaintArchived archived:
                Record(e, TimelineStep.Archived, archived.Reason);
                break;
            case ComplaintResolved resolved:
                Record(e, TimelineStep.Resolved, resolved.Answer);
                break;
            case FollowUpRestarted restarted:
                // Not a step of its own (the reopening is, and carries its deadline); a reopening or a later route only ever moves the deadline on.
                if (!(restarted.FollowUpDueAt <= FollowUpDueAt)) FollowUpDueAt = restarted.FollowUpDueAt;
                if (_timeline.FindLastIndex(t => t.Step == TimelineStep.Reopened && t.At <= restarted.OccurredAt) is var reopening and >= 0
                    && !(restarted.FollowUpDueAt <= _timeline[reopening].DueAt))
                    _timeline[reopening] = _timeline[reopening] with { DueAt = restarted.FollowUpDueAt };
                Sequence = Math.Max(Sequence, e.Sequence);
                break;
        }
    }

    /// <summary>
    /// Adds the step to the timeline; moves the status (when the event leads to one, by <see cref="ReportLifecycle"/>)
    /// only if the event is the newest seen. Returns whether it was the newest. A step that leaves the status as it is (a reply, a rating) does not
    /// claim it: the reporter and the agency number their events apart, so an answer the agency sent before it saw the
    /// reply carries the reply's number, and must still move the status.
    /// </summary>
    private bool Record(IComplaintEvent e, TimelineStep step, string? detail, DateTimeOffset? dueAt = null)
    {
        var status = ReportLifecycle.StatusAfter(e, Status, routed: AgencyId is not null);
        if (!AddStep(e, step, status ?? Status, detail, dueAt) || e.Sequence <= StatusSequence) return false;
        if (status is not { } newStatus) return true;
        Status = newStatus;
        StatusSequence = e.Sequence;
        return true;
    }

    /// <summary>Adds the step to the timeline unless this event already did; returns whether it was added.</summary>
    private bool AddStep(IComplaintEvent e, TimelineStep step, ComplaintStatus status, string? detail, DateTimeOffset? dueAt = null)
    {
        if (_timeline.Any(t => t.Sequence == e.Sequence && t.Step == step)) return false;
        _timeline.Add(new TimelineEntry(e.Sequence, e.OccurredAt, step, status, detail, dueAt));
        if (step == TimelineStep.Verified) VerifiedAt ??= e.OccurredAt;
        Sequence = Math.Max(Sequence, e.Sequence);
        return true;
    }
}

/// <summary>A report as the citizen filed it, already validated.</summary>
public sealed record NewComplaint(
    ReportType Type,
    string Title,
    string Text,
    Sector? Sector,
    string? Region,
    bool Anonymous,
    bool Confidential,
    ReporterContact? Contact = null,
    Place? Place = null);

/// <summary>Where and when it happened, as precisely as the citizen could say.</summary>
public sealed record Place(string? Location, double? Latitude, double? Longitude, DateOnly? IncidentDate);
