using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Lapor.EndToEnd.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.EndToEnd.Tests;

/// <summary>
/// Every API endpoint the host maps, called by every kind of caller. The table below is the access policy in plain
/// words; an endpoint it does not cover fails the test, so no new endpoint can ship unconsidered. Allowed callers may
/// still get 400/404/409 (empty bodies, unknown reports) but never 401 or 403; others get 401 without a token and 403
/// with the wrong one. (The error-queue admin endpoints exist only on RabbitMQ: DistributedModeTests covers them.)
/// </summary>
public sealed class AccessMatrixTests(EmbeddedLaporFactory lapor) : IClassFixture<EmbeddedLaporFactory>
{
    private static readonly string[] Callers = ["anonymous", "citizen", "officer", "supervisor", "verifier", "oversight", "regional-oversight"];
    private static readonly string[] Staff = ["officer", "supervisor", "verifier", "oversight", "regional-oversight"];

    /// <summary>Who may call what, by path prefix (most specific first; "METHOD /path" for one method only); null means anyone, signed in or not.</summary>
    private static readonly (string Prefix, string[]? Allowed)[] Policy =
    [
        ("/api/complaints/mine", ["citizen"]),
        ("/api/complaints", null),
        ("/api/channels/", null), // the gateway's shared secret, checked by Intake
        ("/open311/", null), // reading is public; posting needs an Open311 api_key, checked by Intake
        ("/api/counter/", ["officer", "supervisor"]),
        ("POST /api/triage/agencies", ["verifier"]),
        ("PUT /api/triage/agencies", ["verifier"]),
        ("/api/triage/agencies", null),
        ("/api/analytics/public/", null),
        ("/api/analytics/rebuild", ["verifier"]),
        ("/api/analytics/", ["verifier", "oversight", "regional-oversight"]),
        ("/api/desk/overview", ["supervisor"]),
        ("/api/desk/reads", ["supervisor"]),
        ("/api/desk/officers", ["supervisor"]),
        ("/api/desk/assignments", ["supervisor"]),
        ("/api/desk/inbox.csv", ["supervisor"]),
        ("/api/desk/escalations/acknowledge", ["supervisor"]),
        ("/api/desk/", ["officer", "supervisor"]),
        ("/api/triage/", ["verifier"]),
        ("/api/admin/", ["verifier"]),
    ];

    [Fact]
    public async Task Every_endpoint_answers_every_caller_as_the_access_policy_says()
    {
        var endpoints = lapor.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } path && (path.TrimStart('/').StartsWith("api/", StringComparison.Ordinal) || path.TrimStart('/').StartsWith("open311/", StringComparison.Ordinal)))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(method => (Method: method, Path: Concrete(e.RoutePattern.RawText!))))
            .Distinct().ToList();
        Assert.True(endpoints.Count >= 25, $"found {endpoints.Count} API endpoints: {string.Join(", ", endpoints)}");

        var clients = new Dictionary<string, HttpClient>();
        foreach (var caller in Callers) clients[caller] = await ClientAsync(caller);

        var wrong = new List<string>();
        foreach (var (method, path) in endpoints)
        {
            var rule = Policy.FirstOrDefault(p => (p.Prefix.Contains(' ') ? $"{method} {path}" : path).StartsWith(p.Prefix, StringComparison.Ordinal));
            Assert.True(rule.Prefix is not null, $"no access rule covers {method} {path}");
            foreach (var caller in Callers)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path);
                if (method != "GET") request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                var status = (await clients[caller].SendAsync(request)).StatusCode;
                var allowed = rule.Allowed is null || rule.Allowed.Contains(caller);
                var expected = allowed ? "not 401/403" : caller == "anonymous" ? "401" : "403";
                var ok = allowed
                    ? status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) && (int)status < 500
                    : status == (caller == "anonymous" ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden);
                if (!ok) wrong.Add($"{method} {path} as {caller}: {(int)status}, expected {expected}");
            }
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    private static string Concrete(string pattern) => "/" + pattern.TrimStart('/')
        .Replace("{trackingId}", "LPR-00000000").Replace("{action}", "claim").Replace("{attachmentId:guid}", Guid.Empty.ToString()).Replace("{**rest}", "")
        .Replace("{format}", "json").Replace("{serviceCode}", "kesehatan").Replace("{serviceRequestId}", "LPR-00000000")
        .Replace("{agencyId}", "35.78.dpupr");

    private async Task<HttpClient> ClientAsync(string caller)
    {
        var client = lapor.CreateClient();
        if (caller == "anonymous") return client;
        var (role, agency, region) = caller switch
        {
            "officer" or "supervisor" => (caller, "35.78.dpupr", (string?)null),
            "regional-oversight" => ("oversight", null, "35"),
            _ => (caller, (string?)null, (string?)null),
        };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TestTokens.MintAsync(lapor.CreateClient(), role, agency, region));
        return client;
    }
}
