using System.Security.Claims;

namespace Lapor.ServiceDefaults.Security;

/// <summary>Who is calling, read from the validated token: the one place services take identity from.</summary>
public sealed record Caller(string Subject, string? Name, string Role, string? AgencyId, string? Region)
{
    public static Caller From(ClaimsPrincipal user) => new(
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? user.FindFirstValue("sub") ?? "",
        user.FindFirstValue(ClaimTypes.Name) ?? user.FindFirstValue("name"),
        LaporRoles.All.FirstOrDefault(user.IsInRole) ?? "",
        user.FindFirstValue(LaporRoles.AgencyClaim),
        user.FindFirstValue(LaporRoles.RegionClaim));

    public bool IsSupervisor => Role == LaporRoles.Supervisor;
}
