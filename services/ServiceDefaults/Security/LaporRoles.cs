namespace Lapor.ServiceDefaults.Security;

/// <summary>The roles Lapor knows, and the claims that scope them.</summary>
public static class LaporRoles
{
    public const string Citizen = "citizen";
    public const string Officer = "officer";
    public const string Supervisor = "supervisor";
    public const string Verifier = "verifier";
    public const string Oversight = "oversight";

    public static readonly string[] All = [Citizen, Officer, Supervisor, Verifier, Oversight];

    /// <summary>Claim naming the agency an officer or supervisor works for.</summary>
    public const string AgencyClaim = "agency";
    /// <summary>Claim naming the region an oversight user watches (absent: national).</summary>
    public const string RegionClaim = "region";
}

/// <summary>Authorization policy names, used by the gateway's routes and by each service's endpoints.</summary>
public static class LaporPolicies
{
    /// <summary>Officers and supervisors of an agency (the token must name the agency).</summary>
    public const string AgencyDesk = "agency-desk";
    /// <summary>LAPOR! admin desk: verification, routing, the agency directory.</summary>
    public const string Verifier = "verifier";
    /// <summary>Oversight staff (and verifiers): dashboards and exports.</summary>
    public const string Oversight = "oversight";
    /// <summary>A signed-in citizen: their own reports ("Laporan saya").</summary>
    public const string Citizen = "citizen";
}
