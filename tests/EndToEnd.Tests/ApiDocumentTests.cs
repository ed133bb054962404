using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.EndToEnd.Tests;

/// <summary>
/// Integrators read the API from <c>/openapi/v1.json</c>: every route of every service is in it with a summary, the
/// routes that need a token say so with the bearer scheme, and every operation lists the problem answers it can give.
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

    /// <summary>
    /// Each operation lists the problem answers its shape can give, in application/problem+json: 401 and 403 where a
    /// token is needed, 400 where it reads input, 404 where its path names something; and filing shows a report in Bahasa.
    /// </summary>
    [Fact]
    public async Task Every_operation_lists_its_problem_answers_and_filing_has_an_example_in_bahasa()
    {
        using var document = JsonDocument.Parse(await lapor.CreateClient().GetStringAsync("/openapi/v1.json"));
        var missing = new List<string>();
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject().Where(p => p.Name.StartsWith("/api/", StringComparison.Ordinal)))
            foreach (var operation in path.Value.EnumerateObject())
            {
                var responses = operation.Value.GetProperty("responses");
                bool Problem(string status) => responses.TryGetProperty(status, out var response)
                                               && response.TryGetProperty("content", out var content) && content.TryGetProperty("application/problem+json", out _);
                var expected = new List<string>();
                if (operation.Value.TryGetProperty("security", out _)) expected.AddRange(["401", "403"]);
                if (operation.Value.TryGetProperty("requestBody", out _)) expected.Add("400");
                if (path.Name.Contains('{')) expected.Add("404");
                missing.AddRange(expected.Where(status => !Problem(status)).Select(status => $"{operation.Name} {path.Name}: no {status} problem"));
            }
        Assert.True(missing.Count == 0, string.Join("\n", missing));

        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
        Assert.Contains("Jalan berlubang", schemas.GetProperty("SubmitComplaintRequest").GetProperty("examples")[0].GetProperty("title").GetString());
        Assert.Equal("belum_terverifikasi", schemas.GetProperty("ComplaintReceipt").GetProperty("examples")[0].GetProperty("status").GetString());
    }

    /// <summary>A route parameter's constraint (<c>{id:guid}</c>), which the document leaves out.</summary>
    [GeneratedRegex(@"\{([^}:?]+)[^}]*\}")]
    private static partial Regex Constraint();
}
