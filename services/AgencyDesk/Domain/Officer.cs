namespace Lapor.AgencyDesk.Domain;

/// <summary>
/// An officer the desk knows: learned from their first sign-in to the desk (the identity provider vouches for
/// them), or added by a supervisor ahead of it. Only active officers of the agency can be given reports; a
/// supervisor deactivates one who left, and signing in again does not reactivate them.
/// </summary>
public sealed class Officer
{
    private Officer() { }

    public string AgencyId { get; private set; } = "";
    public string OfficerId { get; private set; } = "";
    public string? Name { get; private set; }
    public bool Active { get; private set; }
    public DateTimeOffset Since { get; private set; }
    /// <summary>Who added or last changed the officer; null when learned from a sign-in.</summary>
    public string? ChangedBy { get; private set; }

    public static Officer SignedIn(string agencyId, string officerId, string? name, DateTimeOffset now) =>
        new() { AgencyId = agencyId, OfficerId = officerId, Name = name, Active = true, Since = now };

    public static Officer Added(string agencyId, string officerId, string? name, string supervisorId, DateTimeOffset now) =>
        new() { AgencyId = agencyId, OfficerId = officerId, Name = name, Active = true, Since = now, ChangedBy = supervisorId };

    public void Set(bool active, string? name, string supervisorId)
    {
        Active = active;
        Name = name ?? Name;
        ChangedBy = supervisorId;
    }
}
