using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.EndToEnd.Tests;

/// <summary>
/// Integrators read the API from <c>/openapi/v1.json</c>: every route of every service is in it with a summary, and
/// the routes that need a token say so with the bearer scheme.
/// </summary>
public sealed partial class ApiDocumentTests(EmbeddedLaporFactory lapor) : IClassFixture<EmbeddedLaporFactory>
{
    [Fact]
    public async Task Every_api_route_is_described_with_a_summary_and_its_auth_scheme()
    {
        var response = await lapor.CreateClient().GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = document.RootElement.GetProperty("paths");
        Assert.Equal("bearer", document.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer").GetProperty("scheme").GetString());

        var endpoints = lapor.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } path && path.TrimStart('/').StartsWith("api/", StringComparison.Ordinal))
            .ToList();
        Assert.True(endpoints.Count >= 40, $"{endpoints.Count} API routes");
        var missing = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var path = "/" + Constraint().Replace(endpoint.RoutePattern.RawText!.Trim('/'), "{$1}");
            var method = (endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods.FirstOrDefault() ?? "GET").ToLowerInvariant();
            if (endpoint.Metadata.GetMetadata<IEndpointSummaryMetadata>() is not { Summary.Length: > 0 }) missing.Add($"{method} {path}: no summary");
            if (!paths.TryGetProperty(path, out var item) || !item.TryGetProperty(method, out _)) missing.Add($"{method} {path}: not in the document");
        }
        Assert.True(missing.Count == 0, string.Join("\n", missing));

        Assert.True(paths.GetProperty("/api/desk/inbox").GetProperty("get").TryGetProperty("security", out _), "the inbox needs a token");
        Assert.False(paths.GetProperty("/api/complaints").GetProperty("post").TryGetProperty("security", out _), "filing needs none");
    }

    /// <summary>A route parameter's constraint (<c>{id:guid}</c>), which the document leaves out.</summary>
    [GeneratedRegex(@"\{([^}:?]+)[^}]*\}")]
    private static partial Regex Constraint();
}
