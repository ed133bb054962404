using System.Linq.Expressions;
using Lapor.Contracts;
using Lapor.ServiceDefaults.Problems;

namespace Lapor.AgencyDesk.Domain;

/// <summary>
/// A report in an agency's inbox, and every action an officer can take on it. Each action checks the current
/// state (an illegal one is a <see cref="ConflictException"/>, 409) and returns the event it causes. The
/// <see cref="Version"/> token makes two officers acting at once conflict instead of overwriting each other.
/// It never holds the reporter's identity or contact details.
/// </summary>
public sealed class DeskComplaint
{
    private readonly List<ConversationMessage> _conversation = [];
    private readonly List<InternalNote> _notes = [];
    private readonly List<RouteStep> _routeHistory = [];
    private readonly List<AttachmentRef> _attachments = [];

    private DeskComplaint() { }

    public Guid ComplaintId { get; private set; }
    public string TrackingId { get; private set; } = "";
    public string AgencyId { get; private set; } = "";
    public string AgencyName { get; private set; } = "";
    public ReportType Type { get; private set; }
    public Sector Sector { get; private set; }
    public string? Region { get; private set; }
    public string Title { get; private set; } = "";
    public string Text { get; private set; } = "";
    /// <summary>Where it happened, as the citizen described it.</summary>
    public string? Location { get; private set; }
    public bool Confidential { get; private set; }
    /// <summary>The first report of the matter this one repeats, as triage found it; null when it is the first.</summary>
    public Guid? ClusterId { get; private set; }
    public ComplaintStatus Status { get; private set; }
    /// <summary>True after the agency asked to forward it, until triage routes it again.</summary>
    public bool AwaitingReroute { get; private set; }
    public string? AssignedTo { get; private set; }
    public DateTimeOffset FiledAt { get; private set; }
    public DateTimeOffset RoutedAt { get; private set; }
    public DateTimeOffset FollowUpDueAt { get; private set; }
    public DateTimeOffset? FirstRespondedAt { get; private set; }
    /// <summary>
    /// When the agency holding the report answered it since it arrived or was last reopened: the follow-up clock
    /// stops, and an unanswered report past <see cref="FollowUpDueAt"/> is overdue.
    /// </summary>
    public DateTimeOffset? RespondedAt { get; private set; }
    public int Sequence { get; private set; }
    public int Version { get; private set; }

    public IReadOnlyList<ConversationMessage> Conversation => _conversation;
    public IReadOnlyList<InternalNote> Notes => _notes;
    public IReadOnlyList<RouteStep> RouteHistory => _routeHistory;
    /// <summary>Files the reporter attached; Intake keeps them and serves them to officers of the agency handling the report.</summary>
    public IReadOnlyList<AttachmentRef> Attachments => _attachments;

    public bool IsOpen => !AwaitingReroute && ReportLifecycle.IsOpen(Status);

    /// <summary>Open at the desk, for queries: as <see cref="IsOpen"/>.</summary>
    public static readonly Expression<Func<DeskComplaint, bool>> Open = c => !c.AwaitingReroute && ReportLifecycle.OpenStatuses.Contains(c.Status);

    /// <summary>Overdue: the agency holding the report has not answered it, and its follow-up deadline has passed.</summary>
    public static bool IsOverdue(DateTimeOffset? respondedAt, DateTimeOffset followUpDueAt, DateTimeOffset now) => respondedAt is null && followUpDueAt < now;

    /// <summary><see cref="IsOverdue"/> for queries (a unit test holds the two to the same answers).</summary>
    public static Expression<Func<DeskComplaint, bool>> OverdueAt(DateTimeOffset now) => c => c.RespondedAt == null && c.FollowUpDueAt < now;

    /// <summary>
    /// Due soon, for queries: unanswered, its follow-up deadline not passed yet (from <paramref name="now"/> on, where
    /// <see cref="OverdueAt"/> ends) and no later than <paramref name="horizon"/>. The overview's "due within two working
    /// days" and the officers' "due within a day" notices both ask this.
    /// </summary>
    public static Expression<Func<DeskComplaint, bool>> DueBetween(DateTimeOffset now, DateTimeOffset horizon) =>
        c => c.RespondedAt == null && c.FollowUpDueAt >= now && c.FollowUpDueAt <= horizon;

    public static DeskComplaint Receive(ComplaintRouted e)
    {
        var complaint = new DeskComplaint
        {
            ComplaintId = e.ComplaintId,
            TrackingId = e.TrackingId,
            Type = e.Type,
            Sector = e.Sector,
            Region = e.Region,
            Title = e.Title,
            Text = e.Text,
            Location = e.Location,
            Confidential = e.Confidential,
            FiledAt = e.FiledAt,
            ClusterId = e.ClusterId,
        };
        complaint.Route(e);
        return complaint;
    }

    /// <summary>A newer route (after a forward) moves the report to the new agency's inbox; an older one changes nothing.</summary>
    public void Reroute(ComplaintRouted e)
    {
        if (e.Sequence <= Sequence) return;
        Route(e);
    }

    private void Route(ComplaintRouted e)
    {
        AgencyId = e.AgencyId;
        AgencyName = e.AgencyName;
        Move(e);
        AwaitingReroute = false;
        AssignedTo = null;
        RoutedAt = e.OccurredAt;
        FollowUpDueAt = e.FollowUpDueAt;
        RespondedAt = null;
        Sequence = e.Sequence;
        _routeHistory.Add(new RouteStep(e.OccurredAt, e.AgencyId, e.AgencyName));
        Version++;
    }

    /// <summary>Records a file the reporter attached (once, however often the event arrives).</summary>
    public void Attach(AttachmentRef attachment)
    {
        if (_attachments.All(a => a.AttachmentId != attachment.AttachmentId)) _attachments.Add(attachment);
    }

    public ComplaintAssigned Assign(string officerId, bool byOfficerThemselves, DateTimeOffset now)
    {
        RequireOpen("assign");
        if (byOfficerThemselves && AssignedTo is not null && AssignedTo != officerId)
            throw new ConflictException($"Already claimed by {AssignedTo}.");
        AssignedTo = officerId;
        return new ComplaintAssigned(ComplaintId, TrackingId, Next(), now, AgencyId, officerId);
    }

    public AgencyResponded Respond(string officerId, string text, DateTimeOffset now)
    {
        RequireOpen("respond to");
        var first = FirstRespondedAt is null;
        FirstRespondedAt ??= now;
        RespondedAt ??= now;
        AssignedTo ??= officerId;
        _conversation.Add(new ConversationMessage(now, ConversationMessage.FromAgency, text));
        return Move(new AgencyResponded(ComplaintId, TrackingId, Next(), now, AgencyId, AgencyName, text, first));
    }

    public ReporterAsked Ask(string officerId, string question, DateTimeOffset now)
    {
        RequireOpen("ask about");
        AssignedTo ??= officerId;
        _conversation.Add(new ConversationMessage(now, ConversationMessage.FromAgency, question));
        return Move(new ReporterAsked(ComplaintId, TrackingId, Next(), now, AgencyId, AgencyName, question, officerId));
    }

    public ComplaintForwardRequested Forward(string? targetAgencyId, string reason, DateTimeOffset now)
    {
        RequireOpen("forward");
        if (targetAgencyId == AgencyId) throw new ConflictException("The report is already with this agency.");
        AwaitingReroute = true;
        return new ComplaintForwardRequested(ComplaintId, TrackingId, Next(), now, AgencyId, targetAgencyId, reason);
    }

    public ComplaintResolved Resolve(string officerId, string answer, DateTimeOffset now)
    {
        RequireOpen("resolve");
        if (ResolutionRules.IsNotAnAnswer(answer))
            throw new InvalidActionException("text", ResolutionRules.Refusal);
        FirstRespondedAt ??= now;
        RespondedAt ??= now;
        AssignedTo ??= officerId;
        _conversation.Add(new ConversationMessage(now, ConversationMessage.FromAgency, answer));
        return Move(new ComplaintResolved(ComplaintId, TrackingId, Next(), now, AgencyId, AgencyName, answer));
    }

    public void AddNote(string officerId, string text, DateTimeOffset now) =>
        _notes.Add(new InternalNote(now, officerId, text));

    /// <summary>
    /// The reporter's side: replies join the conversation; "not satisfied" reopens the report here; a report the
    /// reporter left unreplied, closed by triage, is resolved here too (the desk's own resolutions come back as well,
    /// and change nothing); a reopened report's new follow-up deadline comes from triage, which counts working days.
    /// </summary>
    public void Observe(IComplaintEvent e)
    {
        switch (e)
        {
            case ComplaintResolved closed:
                if (closed.Sequence <= Sequence || Status == ComplaintStatus.Selesai) return;
                _conversation.Add(new ConversationMessage(closed.OccurredAt, ConversationMessage.FromAgency, closed.Answer));
                Move(closed);
                break;
            case ReporterReplied reply:
                if (_conversation.Any(m => m.At == reply.OccurredAt && m.From == ConversationMessage.FromReporter)) return;
                _conversation.Add(new ConversationMessage(reply.OccurredAt, ConversationMessage.FromReporter, reply.Text));
                Move(reply);
                break;
            case ComplaintReopened reopened:
                _conversation.Add(new ConversationMessage(reopened.OccurredAt, ConversationMessage.FromReporter, "Tidak puas: " + reopened.Reason));
                if (Status == ComplaintStatus.Selesai) Move(reopened);
                if (RespondedAt < reopened.OccurredAt) RespondedAt = null;
                break;
            case FollowUpRestarted restarted:
                // Reopenings and routes only ever move the deadline later, so the latest deadline wins in any order.
                if (restarted.FollowUpDueAt > FollowUpDueAt) FollowUpDueAt = restarted.FollowUpDueAt;
                break;
        }
        Sequence = Math.Max(Sequence, e.Sequence);
        Version++;
    }

    /// <summary>Moves the status to the one <paramref name="e"/> leads to (<see cref="ReportLifecycle"/>), if it leads to one.</summary>
    private TEvent Move<TEvent>(TEvent e) where TEvent : IComplaintEvent
    {
        Status = ReportLifecycle.StatusAfter(e, Status, routed: true) ?? Status;
        return e;
    }

    private void RequireOpen(string action)
    {
        if (AwaitingReroute) throw new ConflictException($"Cannot {action} a report that is being forwarded.");
        if (!IsOpen) throw new ConflictException($"Cannot {action} a report whose status is {Status}.");
    }

    private int Next()
    {
        Version++;
        return ++Sequence;
    }
}

public sealed record ConversationMessage(DateTimeOffset At, string From, string Text)
{
    public const string FromAgency = "agency";
    public const string FromReporter = "reporter";
}

public sealed record InternalNote(DateTimeOffset At, string OfficerId, string Text);

public sealed record RouteStep(DateTimeOffset At, string AgencyId, string AgencyName);

/// <summary>A file the reporter attached, as the desk knows it: enough to list it and fetch it from Intake.</summary>
public sealed record AttachmentRef(Guid AttachmentId, DateTimeOffset At, string ContentType, long Size);

/// <summary>An attachment announced before its report reached the desk (the two come from different services, in no fixed order).</summary>
public sealed class PendingAttachment
{
    private PendingAttachment() { }

    public PendingAttachment(Guid complaintId, AttachmentRef attachment)
    {
        ComplaintId = complaintId;
        AttachmentId = attachment.AttachmentId;
        At = attachment.At;
        ContentType = attachment.ContentType;
        Size = attachment.Size;
    }

    public Guid ComplaintId { get; private set; }
    public Guid AttachmentId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string ContentType { get; private set; } = "";
    public long Size { get; private set; }

    public AttachmentRef ToRef() => new(AttachmentId, At, ContentType, Size);
}
