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
    /// <summary>Signed in as the agency's supervisor: told of every new report and of the reports nobody holds.</summary>
    public bool Supervisor { get; private set; }
    /// <summary>Where the desk's notices are mailed (from the identity provider's <c>email</c> claim, or set by the officer); null: the portal only.</summary>
    public string? Email { get; private set; }
    /// <summary>One mail a day with every notice instead of one mail each.</summary>
    public bool DailyDigest { get; private set; }

    public static Officer SignedIn(string agencyId, string officerId, string? name, bool supervisor, string? email, DateTimeOffset now) =>
        new() { AgencyId = agencyId, OfficerId = officerId, Name = name, Active = true, Since = now, Supervisor = supervisor, Email = email };

    /// <summary>What a later sign-in says about them: the role and address the identity provider vouches for now.</summary>
    public void SignedInAgain(bool supervisor, string? email)
    {
        Supervisor = supervisor;
        Email = email ?? Email;
    }

    /// <summary>The officer's own choice of where and how often notices are mailed.</summary>
    public void SetMail(string? email, bool dailyDigest)
    {
        Email = email;
        DailyDigest = dailyDigest;
    }

    public static Officer Added(string agencyId, string officerId, string? name, string supervisorId, DateTimeOffset now) =>
        new() { AgencyId = agencyId, OfficerId = officerId, Name = name, Active = true, Since = now, ChangedBy = supervisorId };

    public void Set(bool active, string? name, string supervisorId)
    {
        Active = active;
        Name = name ?? Name;
        ChangedBy = supervisorId;
    }
}
