using Lapor.AgencyDesk.Domain;
using Lapor.Contracts;
using Lapor.ServiceDefaults.Security;

namespace Lapor.AgencyDesk.Api;

/// <summary>The body of a desk action, and which of its fields each action needs.</summary>
public sealed record DeskActionRequest(string? Text, string? OfficerId, string? TargetAgencyId, string? Reason)
{
    public const int MinimumText = 10, MaximumText = 4000;

    public Dictionary<string, string[]> Validate(string action, Caller caller)
    {
        var errors = new Dictionary<string, string[]>();
        switch (action)
        {
            case DeskActions.Respond or DeskActions.Ask or DeskActions.Resolve or DeskActions.Notes:
                if (string.IsNullOrWhiteSpace(Text) || Text.Trim().Length < MinimumText || Text.Length > MaximumText)
                    errors["text"] = [$"Required, {MinimumText} to {MaximumText} characters."];
                break;
            case DeskActions.Forward:
                if (string.IsNullOrWhiteSpace(Reason) || Reason.Trim().Length < MinimumText)
                    errors["reason"] = [$"Say why, in at least {MinimumText} characters."];
                break;
            case DeskActions.Assign:
                if (string.IsNullOrWhiteSpace(OfficerId)) errors["officerId"] = ["Required."];
                else if (OfficerId != caller.Subject && !caller.IsSupervisor) errors["officerId"] = ["Only a supervisor assigns reports to others."];
                break;
        }
        return errors;
    }
}

public static class DeskActions
{
    public const string Claim = "claim", Assign = "assign", Respond = "respond", Ask = "ask", Forward = "forward", Resolve = "resolve", Notes = "notes";

    public static bool IsKnown(string action) => action is Claim or Assign or Respond or Ask or Forward or Resolve or Notes;

    /// <summary>Applies the action; returns the integration event it causes (internal notes cause none).</summary>
    public static IComplaintEvent? Apply(DeskComplaint complaint, string action, DeskActionRequest request, Caller caller, DateTimeOffset now) => action switch
    {
        Claim => complaint.Assign(caller.Subject, byOfficerThemselves: true, now),
        Assign => complaint.Assign(request.OfficerId!, byOfficerThemselves: request.OfficerId == caller.Subject, now),
        Respond => complaint.Respond(caller.Subject, request.Text!.Trim(), now),
        Ask => complaint.Ask(caller.Subject, request.Text!.Trim(), now),
        Forward => complaint.Forward(string.IsNullOrWhiteSpace(request.TargetAgencyId) ? null : request.TargetAgencyId, request.Reason!.Trim(), now),
        Resolve => complaint.Resolve(caller.Subject, request.Text!.Trim(), now),
        Notes => AddNote(complaint, caller, request.Text!.Trim(), now),
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    private static IComplaintEvent? AddNote(DeskComplaint complaint, Caller caller, string text, DateTimeOffset now)
    {
        complaint.AddNote(caller.Subject, text, now);
        return null;
    }
}
