using Lapor.ServiceDefaults.Security;
using Microsoft.AspNetCore.Authorization;

namespace Lapor.Portal;

/// <summary>Who may open the signed-in pages (staff's, and a citizen's own reports): the same roles as the APIs behind them, from the portal's session cookie.</summary>
public static class PortalPolicies
{
    public const string Desk = "portal-desk", Verifier = "portal-verifier", Oversight = "portal-oversight", Citizen = "portal-citizen";

    public static AuthorizationBuilder AddPortalPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(Desk, p => p.AddAuthenticationSchemes(PortalSession.Scheme).RequireRole(LaporRoles.Officer, LaporRoles.Supervisor).RequireClaim(LaporRoles.AgencyClaim))
        .AddPolicy(Verifier, p => p.AddAuthenticationSchemes(PortalSession.Scheme).RequireRole(LaporRoles.Verifier))
        .AddPolicy(Oversight, p => p.AddAuthenticationSchemes(PortalSession.Scheme).RequireRole(LaporRoles.Oversight, LaporRoles.Verifier))
        .AddPolicy(Citizen, p => p.AddAuthenticationSchemes(PortalSession.Scheme).RequireRole(LaporRoles.Citizen));
}
