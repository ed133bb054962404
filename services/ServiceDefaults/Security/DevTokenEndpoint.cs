using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace Lapor.ServiceDefaults.Security;

/// <summary>
/// <c>POST /dev/token</c> mints a signed token for local use, tests and demos. It is mapped only in the
/// Development and Testing environments; anywhere else the path does not exist.
/// </summary>
public static class DevTokenEndpoint
{
    public sealed record DevTokenRequest(string? Role, string? Agency, string? Region, string? Name);

    public sealed record DevToken(string AccessToken, string TokenType, int ExpiresIn);

    public static IEndpointRouteBuilder MapDevTokens(this WebApplication app)
    {
        if (app.Environment.EnvironmentName is not ("Development" or "Testing")) return app;
        app.MapPost("/dev/token", Mint).WithTags("Development").AllowAnonymous();
        return app;
    }

    public static Results<Ok<DevToken>, ValidationProblem> Mint(DevTokenRequest request, IConfiguration configuration)
    {
        if (request.Role is null || !LaporRoles.All.Contains(request.Role))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["role"] = [$"One of: {string.Join(", ", LaporRoles.All)}."] });
        if (request.Role is LaporRoles.Officer or LaporRoles.Supervisor && string.IsNullOrWhiteSpace(request.Agency))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["agency"] = ["Officers and supervisors belong to an agency."] });

        var name = request.Name ?? $"{request.Role} ({request.Agency ?? request.Region ?? "nasional"})";
        var claims = new List<Claim>
        {
            new("sub", $"{request.Role}:{request.Agency ?? request.Region ?? "all"}:{name}"),
            new("name", name),
            new("role", request.Role),
        };
        if (request.Agency is { Length: > 0 } agency) claims.Add(new(LaporRoles.AgencyClaim, agency));
        if (request.Region is { Length: > 0 } region) claims.Add(new(LaporRoles.RegionClaim, region));

        const int lifetime = 8 * 3600;
        var token = new JwtSecurityToken(
            AuthenticationExtensions.DevIssuer, AuthenticationExtensions.DevAudience, claims,
            expires: DateTime.UtcNow.AddSeconds(lifetime),
            signingCredentials: new SigningCredentials(AuthenticationExtensions.SigningKey(configuration), SecurityAlgorithms.HmacSha256));
        return TypedResults.Ok(new DevToken(new JwtSecurityTokenHandler().WriteToken(token), "Bearer", lifetime));
    }
}
