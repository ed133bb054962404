using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Lapor.EndToEnd.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.EndToEnd.Tests;

/// <summary>Every protected endpoint with every role: who gets in, who is refused, who is not even told it exists.</summary>
public sealed class RoleTests(EmbeddedLaporFactory lapor) : IClassFixture<EmbeddedLaporFactory>
{
    public static TheoryData<string, string, string?, HttpStatusCode> Table => new()
    {
        // endpoint, method, role (null = anonymous), expected
        { "/api/desk/inbox", "GET", null, HttpStatusCode.Unauthorized },
        { "/api/desk/inbox", "GET", "citizen", HttpStatusCode.Forbidden },
        { "/api/desk/inbox", "GET", "oversight", HttpStatusCode.Forbidden },
        { "/api/desk/inbox", "GET", "verifier", HttpStatusCode.Forbidden },
        { "/api/desk/inbox", "GET", "officer", HttpStatusCode.OK },
        { "/api/desk/inbox", "GET", "supervisor", HttpStatusCode.OK },
        { "/api/desk/complaints/LPR-00000000", "GET", "officer", HttpStatusCode.NotFound },
        { "/api/desk/overview", "GET", "officer", HttpStatusCode.Forbidden },
        { "/api/desk/overview", "GET", "supervisor", HttpStatusCode.OK },
        { "/api/desk/overview", "GET", "oversight", HttpStatusCode.Forbidden },
        { "/api/analytics/summary", "GET", null, HttpStatusCode.Unauthorized },
        { "/api/analytics/summary", "GET", "citizen", HttpStatusCode.Forbidden },
        { "/api/analytics/summary", "GET", "officer", HttpStatusCode.Forbidden },
        { "/api/analytics/summary", "GET", "oversight", HttpStatusCode.OK },
        { "/api/analytics/summary", "GET", "verifier", HttpStatusCode.OK },
        { "/api/analytics/timeseries", "GET", "citizen", HttpStatusCode.Forbidden },
        { "/api/analytics/timeseries", "GET", "oversight", HttpStatusCode.OK },
        { "/api/analytics/regions", "GET", "officer", HttpStatusCode.Forbidden },
        { "/api/analytics/public/agencies", "GET", null, HttpStatusCode.OK },
        { "/api/analytics/rebuild", "POST", "oversight", HttpStatusCode.Forbidden },
        { "/api/triage/classify", "POST", null, HttpStatusCode.Unauthorized },
        { "/api/triage/classify", "POST", "officer", HttpStatusCode.Forbidden },
        { "/api/triage/classify", "POST", "oversight", HttpStatusCode.Forbidden },
        { "/api/triage/classify", "POST", "verifier", HttpStatusCode.OK },
        { "/api/triage/agencies", "GET", null, HttpStatusCode.OK },
        { "/api/complaints/LPR-00000000", "GET", null, HttpStatusCode.NotFound },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public async Task Each_role_gets_what_it_may(string path, string method, string? role, HttpStatusCode expected)
    {
        var client = lapor.CreateClient();
        if (role is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
                await TestTokens.MintAsync(client, role, role is "officer" or "supervisor" ? "35.78.dpupr" : null));

        var response = method == "GET"
            ? await client.GetAsync(path)
            : await client.PostAsJsonAsync(path, new { title = "Jalan berlubang di pasar", text = "Jalan rusak parah mohon diperbaiki segera.", region = "35.78" });

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_refused()
    {
        var client = lapor.CreateClient();
        var forged = await TestTokens.MintAsync(client, "oversight");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", forged[..^4] + "AAAA");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/analytics/summary")).StatusCode);
    }

    [Fact]
    public async Task The_development_token_endpoint_does_not_exist_in_production()
    {
        await using var production = new WebApplicationFactory<Embedded.AssemblyMarker>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Lapor:DataDirectory", Path.Combine(Path.GetTempPath(), "lapor-production-test-" + Guid.NewGuid().ToString("N")));
        });
        var response = await production.CreateClient().PostAsJsonAsync("/dev/token", new { role = "verifier" });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

public sealed class RateLimitTests
{
    [Fact]
    public async Task Filing_beyond_the_limit_answers_429_while_tracking_still_works()
    {
        await using var lapor = new WebApplicationFactory<Embedded.AssemblyMarker>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Lapor:RateLimits:FilingPerMinute", "3");
            builder.UseSetting("Lapor:DataDirectory", Path.Combine(Path.GetTempPath(), "lapor-ratelimit-test-" + Guid.NewGuid().ToString("N")));
        });
        var client = lapor.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++) statuses.Add((await client.PostAsJsonAsync("/api/complaints", SkeletonFlow.RoadInSurabaya)).StatusCode);

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/complaints/LPR-00000000")).StatusCode);
    }

    private static async Task<HttpStatusCode> SendAsync(HttpClient client, HttpMethod method, string path, string? accessCode, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (accessCode is not null) request.Headers.Add("X-Access-Code", accessCode);
        if (body is not null) request.Content = JsonContent.Create(body);
        return (await client.SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task Following_up_a_report_has_its_own_limit_per_report_apart_from_filing()
    {
        await using var lapor = new EmbeddedLaporFactory();
        lapor.Settings["Lapor:RateLimits:FilingPerMinute"] = "2";
        lapor.Settings["Lapor:RateLimits:FollowUpPerMinute"] = "3";
        var client = lapor.CreateClient();
        var first = await SkeletonFlow.FileAsync(client, SkeletonFlow.RoadInSurabaya);
        var second = await SkeletonFlow.FileAsync(client, SkeletonFlow.RoadInSurabaya);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.PostAsJsonAsync("/api/complaints", SkeletonFlow.RoadInSurabaya)).StatusCode);

        var reply = new { text = "Lubangnya makin besar setelah hujan semalam." };
        var replies = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++) replies.Add(await SendAsync(client, HttpMethod.Post, $"/api/complaints/{first.TrackingId}/replies", first.AccessCode, reply));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], replies);
        Assert.Equal(HttpStatusCode.OK, await SendAsync(client, HttpMethod.Post, $"/api/complaints/{second.TrackingId}/replies", second.AccessCode, reply));
    }

    [Fact]
    public async Task Wrong_access_codes_stop_a_report_being_tried_and_then_the_address()
    {
        await using var lapor = new EmbeddedLaporFactory();
        lapor.Settings["Lapor:RateLimits:WrongAccessCodesPerReport"] = "3";
        lapor.Settings["Lapor:RateLimits:WrongAccessCodesPerAddress"] = "5";
        var client = lapor.CreateClient();
        var reports = new List<SkeletonFlow.Receipt>();
        for (var i = 0; i < 3; i++) reports.Add(await SkeletonFlow.FileAsync(client, SkeletonFlow.RoadInSurabaya));
        string Path(int i) => $"/api/complaints/{reports[i].TrackingId}";

        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.NotFound, await SendAsync(client, HttpMethod.Get, Path(0), "SALAH" + i));
        // Past the limit even the right code is refused, so the answer says nothing about the guesses.
        Assert.Equal(HttpStatusCode.TooManyRequests, await SendAsync(client, HttpMethod.Get, Path(0), reports[0].AccessCode));
        Assert.Equal(HttpStatusCode.TooManyRequests, await SendAsync(client, HttpMethod.Post, Path(0) + "/replies", reports[0].AccessCode, new { text = "Masih rusak sampai hari ini." }));
        var refused = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, Path(0)) { Headers = { { "X-Access-Code", reports[0].AccessCode } } });
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.InRange(int.Parse(refused.Headers.GetValues("Retry-After").Single()), 60, 15 * 60);

        Assert.Equal(HttpStatusCode.OK, await SendAsync(client, HttpMethod.Get, Path(1), reports[1].AccessCode));
        Assert.Equal(HttpStatusCode.NotFound, await SendAsync(client, HttpMethod.Get, "/api/complaints/LPR-ZZZZZZZZ", "SALAH"));
        Assert.Equal(HttpStatusCode.NotFound, await SendAsync(client, HttpMethod.Get, Path(1) + "/attachments", "SALAH"));
        // Five wrong codes from this address, on any report: the address waits too.
        Assert.Equal(HttpStatusCode.TooManyRequests, await SendAsync(client, HttpMethod.Get, Path(2), reports[2].AccessCode));
    }

    [Fact]
    public async Task Each_token_has_its_own_limit_and_a_refusal_says_when_to_retry()
    {
        await using var lapor = new EmbeddedLaporFactory();
        lapor.Settings["Lapor:RateLimits:PerTokenPerMinute"] = "3";
        var anonymous = lapor.CreateClient();
        var busy = await anonymous.AsAsync(lapor.CreateClient, "oversight", name: "busy");
        var other = await anonymous.AsAsync(lapor.CreateClient, "oversight", name: "other");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++) statuses.Add((await busy.GetAsync("/api/analytics/summary")).StatusCode);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);

        var refused = await busy.GetAsync("/api/analytics/summary");
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.InRange(int.Parse(refused.Headers.GetValues("Retry-After").Single()), 1, 60);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/analytics/summary")).StatusCode);
    }

    [Fact]
    public async Task Browsers_on_other_sites_may_call_only_from_configured_origins()
    {
        await using var lapor = new EmbeddedLaporFactory();
        lapor.Settings["Lapor:Cors:Origins"] = "https://lapor.example.go.id";
        var client = lapor.CreateClient();

        async Task<string?> AllowedOrigin(string origin)
        {
            using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/complaints");
            preflight.Headers.Add("Origin", origin);
            preflight.Headers.Add("Access-Control-Request-Method", "POST");
            preflight.Headers.Add("Access-Control-Request-Headers", "content-type,idempotency-key");
            var response = await client.SendAsync(preflight);
            return response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) ? values.Single() : null;
        }

        Assert.Equal("https://lapor.example.go.id", await AllowedOrigin("https://lapor.example.go.id"));
        Assert.Null(await AllowedOrigin("https://evil.example.com"));
    }
}

public sealed class HygieneTests(EmbeddedLaporFactory lapor) : IClassFixture<EmbeddedLaporFactory>
{
    [Fact]
    public async Task Every_response_carries_security_headers_and_a_trace_id()
    {
        var response = await lapor.CreateClient().GetAsync("/api/complaints/LPR-00000000");
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Matches("^[0-9a-f]{32}$", response.Headers.GetValues("X-Trace-Id").Single());
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'none'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
    }

    [Fact]
    public async Task Oversized_headers_are_refused_by_the_server_before_any_work()
    {
        await using var kestrel = new EmbeddedLaporFactory();
        kestrel.UseKestrel(0);
        kestrel.StartServer();
        var address = kestrel.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var client = new HttpClient { BaseAddress = new Uri(address) };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/complaints/LPR-00000000");
        request.Headers.Add("X-Padding", new string('a', 20 * 1024));
        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, (await client.SendAsync(request)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/complaints/LPR-00000000")).StatusCode);
    }

}
