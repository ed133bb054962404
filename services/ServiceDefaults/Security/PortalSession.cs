namespace Lapor.ServiceDefaults.Security;

/// <summary>How the web portal keeps a staff member signed in: their bearer token in an HttpOnly cookie.</summary>
public static class PortalSession
{
    public const string Scheme = "PortalSession";
    public const string Cookie = "lapor_session";
    public const string SignInPath = "/masuk";
}
