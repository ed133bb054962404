using System.Text;
using Lapor.EndToEnd.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Lapor.EndToEnd.Tests.Reliability;

/// <summary>
/// Bad input at volume: a seeded, reproducible run of malformed and hostile requests across every public
/// endpoint (random JSON, wrong types, huge strings, invalid UTF-8, path tricks, header floods). Nothing may
/// answer 5xx, nothing may log an unhandled exception, and Lapor must be healthy afterwards.
/// LAPOR_FUZZ_REQUESTS and LAPOR_FUZZ_SEED change the size and the seed.
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output)
{
    private static readonly int Requests = int.Parse(Environment.GetEnvironmentVariable("LAPOR_FUZZ_REQUESTS") ?? "10000");
    private static readonly int Seed = int.Parse(Environment.GetEnvironmentVariable("LAPOR_FUZZ_SEED") ?? "20261122");

    private static readonly string[] Endpoints =
    [
        "POST /api/complaints", "GET /api/complaints/{id}", "POST /api/complaints/{id}/replies", "POST /api/complaints/{id}/rating",
        "POST /api/complaints/{id}/reopen", "GET /api/desk/inbox?{query}", "GET /api/desk/complaints/{id}", "POST /api/desk/complaints/{id}/{word}",
        "POST /api/triage/classify", "GET /api/triage/agencies?{query}", "GET /api/triage/queue?{query}", "POST /api/triage/queue/{id}/route",
        "POST /api/triage/queue/{id}/archive", "GET /api/analytics/summary", "GET /api/analytics/agencies?{query}", "GET /api/analytics/sectors?{query}",
        "POST /dev/token", "POST /lapor", "POST /lacak", "GET /bahasa?{query}", "GET /api/admin/triage/queue/errors?{query}",
    ];

    [Fact]
    public async Task Ten_thousand_hostile_requests_get_no_5xx_and_leave_lapor_healthy()
    {
        // On a real Kestrel port: the server's own limits (header size, path rules) answer what they answer in production.
        await using var lapor = new EmbeddedLaporFactory();
        lapor.UseKestrel(0);
        lapor.StartServer();
        var address = new Uri(lapor.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        HttpClient Client() => new() { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };

        var random = new Random(Seed);
        var anonymous = Client();
        var staff = new[]
        {
            anonymous,
            await anonymous.AsAsync(Client, "officer", "35.78.dpupr"),
            await anonymous.AsAsync(Client, "verifier"),
            await anonymous.AsAsync(Client, "oversight", region: "35"),
        };
        var unsendable = 0;
        var statuses = new SortedDictionary<int, int>();
        var serverErrors = new List<string>();
        var logged = lapor.Logs.Count;

        for (var i = 0; i < Requests; i++)
        {
            var endpoint = Endpoints[random.Next(Endpoints.Length)];
            using var request = Hostile.Request(random, endpoint);
            HttpResponseMessage response;
            try
            {
                response = await staff[random.Next(staff.Length)].SendAsync(request);
            }
            catch (HttpRequestException)
            {
                unsendable++; // refused by the client library itself (e.g. control characters in a header)
                continue;
            }
            using var _ = response;
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            if (status >= 500 && serverErrors.Count < 20) serverErrors.Add($"{status} {request.Method} {request.RequestUri}");
        }

        output.WriteLine($"{Requests} requests (seed {Seed}): " + string.Join(", ", statuses.Select(s => $"{s.Key}: {s.Value}")) + $"; not sendable: {unsendable}");
        Assert.True(serverErrors.Count == 0, "5xx answers:\n" + string.Join('\n', serverErrors));
        var unhandled = lapor.Logs.Skip(logged).Where(l => l.StartsWith("Error") || l.StartsWith("Critical") || l.Contains("Unhandled")).Take(5).ToList();
        Assert.True(unhandled.Count == 0, "Errors logged:\n" + string.Join('\n', unhandled));
        Assert.Equal("Healthy", await anonymous.GetStringAsync("/health/ready"));
        Assert.True(statuses.Keys.Count(s => s is >= 400 and < 500) >= 4, "the run exercised several kinds of refusal");
    }
}

/// <summary>Builders of hostile requests, all from one seeded <see cref="Random"/>.</summary>
internal static class Hostile
{
    private static readonly string[] Words = ["claim", "respond", "forward", "resolve", "notes", "ask", "assign", "..", "%2e%2e", "", "DROP TABLE", "<script>"];
    private static readonly string[] Ids =
    [
        "LPR-00000000", "LPR-ZZZZZZZZ", "lpr-abc", "", "%00", "..%2f..%2fetc%2fpasswd", "%2e%2e%2f", "' OR 1=1 --", "\u202e\u0000", "😀",
        new string('A', 3000), "%ff%fe", "CON", "LPR-%0d%0aSet-Cookie:x=1",
    ];
    private static readonly string[] QueryKeys = ["status", "sector", "region", "overdue", "dueWithinDays", "assigned", "q", "sort", "cursor", "limit", "from", "to", "format", "ke", "kembali"];

    public static HttpRequestMessage Request(Random random, string endpoint)
    {
        var (method, path) = (endpoint.Split(' ')[0], endpoint.Split(' ')[1]);
        path = path.Replace("{id}", Uri.EscapeDataString(Pick(random, Ids)).Replace("%25", "%"))
            .Replace("{word}", Uri.EscapeDataString(Pick(random, Words)))
            .Replace("{query}", Query(random));
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST") request.Content = Body(random);
        Headers(random, request);
        return request;
    }

    private static string Query(Random random) =>
        string.Join('&', Enumerable.Range(0, random.Next(0, 5)).Select(_ => $"{Pick(random, QueryKeys)}={Uri.EscapeDataString(Scalar(random))}"));

    private static HttpContent Body(Random random)
    {
        var kind = random.Next(8);
        var content = kind switch
        {
            0 => new ByteArrayContent(Enumerable.Range(0, random.Next(1, 200)).Select(_ => (byte)random.Next(256)).ToArray()), // invalid UTF-8
            1 => new StringContent(new string('x', random.Next(70_000, 200_000))), // huge
            2 => new StringContent("{\"title\":" + new string('[', 5000)), // deep nesting, truncated
            3 => new StringContent(""),
            4 => new FormUrlEncodedContent([new("Form.Title", Scalar(random)), new("__RequestVerificationToken", "forged")]),
            _ => new StringContent(Json(random, depth: 0)),
        };
        if (kind == 4) return content;
        content.Headers.Remove("Content-Type");
        content.Headers.TryAddWithoutValidation("Content-Type",
            random.Next(5) == 0 ? Pick(random, ["text/plain", "application/xml", "multipart/form-data", "application/json; charset=latin1", "application/json; charset=\"utf-7\""])
            : "application/json");
        return content;
    }

    private static string Json(Random random, int depth)
    {
        if (depth > 3 || random.Next(4) == 0) return Value(random);
        if (random.Next(3) == 0) return "[" + string.Join(',', Enumerable.Range(0, random.Next(4)).Select(_ => Json(random, depth + 1))) + "]";
        string[] fields = ["type", "title", "text", "region", "sector", "anonymous", "confidential", "contact", "email", "phone", "name", "rating",
            "comment", "reason", "agencyId", "officerId", "targetAgencyId", "role", "agency", "messageIds", "__proto__"];
        return "{" + string.Join(',', Enumerable.Range(0, random.Next(1, 8)).Select(_ => $"\"{Pick(random, fields)}\":{Json(random, depth + 1)}")) + "}";
    }

    private static string Value(Random random) => random.Next(9) switch
    {
        0 => "null",
        1 => "true",
        2 => random.Next(3) == 0 ? "1e309" : random.Next(int.MinValue, int.MaxValue).ToString(),
        3 => "-0.0000001",
        4 => "{}",
        _ => System.Text.Json.JsonSerializer.Serialize(Scalar(random)),
    };

    private static string Scalar(Random random) => random.Next(10) switch
    {
        0 => new string('é', random.Next(1, 5000)),
        1 => "aduan",
        2 => "35.78",
        3 => "\u0000\u0001\u001b[31m",
        4 => "//evil.example/",
        5 => "Jalan berlubang di depan pasar sudah lama tidak diperbaiki",
        6 => "-1",
        7 => "kesehatan",
        8 => "\ud800",
        _ => Convert.ToBase64String(Enumerable.Range(0, random.Next(1, 64)).Select(_ => (byte)random.Next(256)).ToArray()),
    };

    private static void Headers(Random random, HttpRequestMessage request)
    {
        if (random.Next(10) == 0)
            for (var i = 0; i < 300; i++) request.Headers.TryAddWithoutValidation($"X-Flood-{i}", new string('h', 100)); // header flood
        if (random.Next(6) == 0) request.Headers.TryAddWithoutValidation("Idempotency-Key", Scalar(random));
        if (random.Next(6) == 0) request.Headers.TryAddWithoutValidation("X-Access-Code", Scalar(random));
        if (random.Next(8) == 0) request.Headers.TryAddWithoutValidation("Accept", "text/csv");
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
