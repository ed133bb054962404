using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Lapor.EndToEnd.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Lapor.EndToEnd.Tests;

/// <summary>
/// The gateway process in front of stand-in services (small HTTP servers on loopback ports) and ports where nothing
/// listens — a replica that has just died, a service that is down — to see what it does when part of Lapor is missing.
/// </summary>
public sealed class GatewayProcessTests : IAsyncLifetime
{
    private readonly List<WebApplication> _services = [];
    private ServiceProcess? _gateway;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_gateway is not null) await _gateway.DisposeAsync();
        foreach (var service in _services) await service.DisposeAsync();
    }

    /// <summary>A request a dead replica refused goes to the live one (never sent, so it cannot be filed twice).</summary>
    [Fact]
    public async Task A_report_sent_to_a_replica_that_refuses_goes_to_the_other_once()
    {
        var received = 0;
        var live = await ServiceAsync(app => app.MapPost("/api/complaints", () =>
        {
            Interlocked.Increment(ref received);
            return Results.Created("/api/complaints/LPR-TEST0001", new { trackingId = "LPR-TEST0001" });
        }));
        var gateway = await GatewayAsync(cluster => live, ("intake", TestEnvironment.FreePort(), live));

        using var client = new HttpClient { BaseAddress = gateway.Address };
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 20; i++)
        {
            using var response = await client.PostAsJsonAsync("/api/complaints", new { type = "aduan", title = $"Jalan rusak {i}", text = "Jalan berlubang.", region = "35.78" });
            statuses.Add(response.StatusCode);
        }
        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.Created, status));
        Assert.Equal(20, received);

        // One replica down is not the front door down: still ready, Degraded, for its load balancer to keep it.
        using var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Degraded", await ready.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// A request a replica received and then failed is answered 502, not sent to the other replica: it may have been
    /// filed there, and only a refused connection proves it was not.
    /// </summary>
    [Fact]
    public async Task A_report_a_replica_received_and_dropped_is_not_sent_to_the_other()
    {
        int created = 0, dropped = 0;
        var live = await ServiceAsync(app => app.MapPost("/api/complaints", () =>
        {
            Interlocked.Increment(ref created);
            return Results.Created("/api/complaints/LPR-TEST0001", new { trackingId = "LPR-TEST0001" });
        }));
        var failing = await ServiceAsync(app => app.MapPost("/api/complaints", async (HttpContext http) =>
        {
            await http.Request.ReadFromJsonAsync<JsonObject>();
            Interlocked.Increment(ref dropped);
            http.Abort();
        }));
        var gateway = await GatewayAsync(cluster => live, ("intake", failing, live));

        using var client = new HttpClient { BaseAddress = gateway.Address };
        var statuses = new List<HttpStatusCode>();
        while (statuses.Count < 40 && Volatile.Read(ref dropped) < 3)
        {
            using var response = await client.PostAsJsonAsync("/api/complaints", new { type = "aduan", title = $"Jalan rusak {statuses.Count}", text = "Jalan berlubang.", region = "35.78" });
            statuses.Add(response.StatusCode);
        }

        Assert.InRange(dropped, 1, 40);
        Assert.Equal(statuses.Count, created + dropped); // each request reached one replica, never two
        Assert.Equal(dropped, statuses.Count(status => status == HttpStatusCode.BadGateway));
        Assert.Equal(created, statuses.Count(status => status == HttpStatusCode.Created));
    }

    /// <summary>
    /// The merged API document: a service that does not answer is named in it, and the document is built again on the
    /// next request rather than kept; a replica that does not answer is passed over for the next; a schema two services
    /// name alike but describe differently is kept apart under the second one's cluster name, references included.
    /// </summary>
    [Fact]
    public async Task The_merged_document_names_a_missing_service_and_is_not_kept_until_it_answers()
    {
        var desk = await ServiceAsync(app => app.MapGet("/openapi/v1.json", () => Document("/api/desk/inbox", "Receipt", "deskId")));
        var intake = await ServiceAsync(app => app.MapGet("/openapi/v1.json", () => Document("/api/complaints", "Receipt", "trackingId")));
        var triage = await ServiceAsync(app => app.MapGet("/openapi/v1.json", () => Document("/api/triage/agencies", "Agency", "id")));
        var analyticsPort = TestEnvironment.FreePort(); // down at first
        var gateway = await GatewayAsync(cluster => cluster switch { "desk" => desk, "triage" => triage, "analytics" => analyticsPort, _ => intake },
            // One cluster's dead replica is configured first, the other's last: whichever order the gateway holds them in,
            // one cluster's first answer is a refusal.
            ("intake", TestEnvironment.FreePort(), intake), ("desk", desk, TestEnvironment.FreePort()));
        using var client = new HttpClient { BaseAddress = gateway.Address };

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready")).StatusCode); // analytics has no replica left
        // A refused request with no other replica to go to is answered, not tried forever.
        Assert.Equal(HttpStatusCode.BadGateway, (await client.GetAsync("/api/analytics/public/summary")).StatusCode);

        var first = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
        Assert.Contains("Tidak terjangkau saat dokumen ini disusun: analytics.", first["info"]!["description"]!.GetValue<string>());
        Assert.NotNull(first["paths"]!["/api/complaints"]);
        Assert.NotNull(first["paths"]!["/api/desk/inbox"]);
        Assert.NotNull(first["components"]!["schemas"]!["Receipt"]!["properties"]!["deskId"]);
        Assert.NotNull(first["components"]!["schemas"]!["intake.Receipt"]!["properties"]!["trackingId"]);
        Assert.Equal("#/components/schemas/intake.Receipt", first["paths"]!["/api/complaints"]!["get"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>());
        Assert.Equal("#/components/schemas/Receipt", first["paths"]!["/api/desk/inbox"]!["get"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>());

        await ServiceAsync(app => app.MapGet("/openapi/v1.json", () => Document("/api/analytics/summary", "Summary", "open")), analyticsPort);
        var second = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
        Assert.DoesNotContain("Tidak terjangkau", second["info"]!["description"]!.GetValue<string>());
        Assert.NotNull(second["paths"]!["/api/analytics/summary"]);
    }

    /// <summary>A service's own API document with one GET path answering one schema of one string property.</summary>
    private static IResult Document(string path, string schema, string property) => Results.Text(new JsonObject
    {
        ["openapi"] = "3.1.1",
        ["paths"] = new JsonObject
        {
            [path] = new JsonObject
            {
                ["get"] = new JsonObject
                {
                    ["responses"] = new JsonObject
                    {
                        ["200"] = new JsonObject
                        {
                            ["description"] = "OK",
                            ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = $"#/components/schemas/{schema}" } } },
                        },
                    },
                },
            },
        },
        ["components"] = new JsonObject
        {
            ["schemas"] = new JsonObject { [schema] = new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { [property] = new JsonObject { ["type"] = "string" } } } },
        },
    }.ToJsonString(), "application/json");

    /// <summary>A stand-in service on a loopback port (a new one unless given), ready when this returns; its port.</summary>
    private async Task<int> ServiceAsync(Action<WebApplication> map, int? port = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        var chosen = port ?? TestEnvironment.FreePort();
        builder.WebHost.UseUrls($"http://127.0.0.1:{chosen}");
        var app = builder.Build();
        app.MapGet("/health/ready", () => "Healthy");
        map(app);
        await app.StartAsync();
        _services.Add(app);
        return chosen;
    }

    /// <summary>
    /// The gateway with each cluster's destination on <paramref name="port"/>'s answer, and for each of <paramref name="twoReplicas"/>'
    /// clusters a first destination on one port and a second on another; live once it answers.
    /// </summary>
    private async Task<ServiceProcess> GatewayAsync(Func<string, int> port, params (string Cluster, int First, int Second)[] twoReplicas)
    {
        var environment = DistributedLapor.GatewayEnvironment(cluster => $"http://127.0.0.1:{port(cluster)}");
        foreach (var (cluster, first, second) in twoReplicas)
        {
            environment[$"ReverseProxy__Clusters__{cluster}__Destinations__primary__Address"] = $"http://127.0.0.1:{first}";
            environment[$"ReverseProxy__Clusters__{cluster}__Destinations__replica2__Address"] = $"http://127.0.0.1:{second}";
        }
        environment["Lapor__RateLimits__FilingPerMinute"] = "100000";
        var (name, directory, assembly) = DistributedLapor.Shape.Single(p => p.Name == "gateway");
        _gateway = new ServiceProcess(name, directory, assembly, environment);
        _gateway.Start();

        using var client = new HttpClient { BaseAddress = _gateway.Address, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (_gateway.HasExited) throw new InvalidOperationException($"The gateway exited:\n{_gateway.RecentOutput}");
            try
            {
                if ((await client.GetAsync("/health/live")).IsSuccessStatusCode) return _gateway;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        throw new TimeoutException($"The gateway did not start:\n{_gateway.RecentOutput}");
    }
}
