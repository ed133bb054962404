using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Lapor.EndToEnd.Tests.Infrastructure;

/// <summary>Signed tokens from the host's own development endpoint, as a portal or a tester would get them.</summary>
public static class TestTokens
{
    /// <summary>The signing key every test host is configured with (Testing environment only).</summary>
    public const string SigningKey = "lapor-test-signing-key-0123456789abcdef";

    public static async Task<string> MintAsync(HttpClient client, string role, string? agency = null, string? region = null, string? name = null)
    {
        var response = await client.PostAsJsonAsync("/dev/token", new { role, agency, region, name });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    /// <summary>A token signed with the test key, as the development endpoint would, but expiring when the test says.</summary>
    public static string Create(string role, string? agency, DateTime expires)
    {
        var claims = new List<System.Security.Claims.Claim> { new("sub", $"{role}:test"), new("name", role), new("role", role) };
        if (agency is not null) claims.Add(new("agency", agency));
        var key = new Microsoft.IdentityModel.Tokens.SymmetricSecurityKey(System.Text.Encoding.UTF8.GetBytes(SigningKey));
        var token = new System.IdentityModel.Tokens.Jwt.JwtSecurityToken("lapor-dev", "lapor", claims, notBefore: expires.AddHours(-1), expires: expires,
            signingCredentials: new(key, Microsoft.IdentityModel.Tokens.SecurityAlgorithms.HmacSha256));
        return new System.IdentityModel.Tokens.Jwt.JwtSecurityTokenHandler().WriteToken(token);
    }

    public static async Task<HttpClient> AsAsync(this HttpClient anonymous, Func<HttpClient> create, string role, string? agency = null, string? region = null, string? name = null)
    {
        var client = create();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await MintAsync(anonymous, role, agency, region, name));
        return client;
    }
}
