using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Lapor.EndToEnd.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Lapor.EndToEnd.Tests;

/// <summary>
/// The gateway process in front of a cluster of two destinations, one of which refuses connections (a replica that has
/// just died, before the health checks notice): every report still gets through, and reaches the live one once.
/// </summary>
public sealed class GatewayFailoverTests : IAsyncLifetime
{
    private readonly int _livePort = TestEnvironment.FreePort();
    private readonly int _deadPort = TestEnvironment.FreePort(); // nothing listens there: connections are refused
    private WebApplication _intake = null!;
    private ServiceProcess _gateway = null!;
    private int _received;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{_livePort}");
        _intake = builder.Build();
        _intake.MapPost("/api/complaints", () =>
        {
            Interlocked.Increment(ref _received);
            return Results.Created("/api/complaints/LPR-TEST0001", new { trackingId = "LPR-TEST0001" });
        });
        _intake.MapGet("/health/ready", () => "Healthy");
        await _intake.StartAsync();

        var environment = DistributedLapor.GatewayEnvironment(_ => $"http://127.0.0.1:{_livePort}");
        environment["ReverseProxy__Clusters__intake__Destinations__primary__Address"] = $"http://127.0.0.1:{_deadPort}";
        environment["ReverseProxy__Clusters__intake__Destinations__replica2__Address"] = $"http://127.0.0.1:{_livePort}";
        environment["Lapor__RateLimits__FilingPerMinute"] = "100000";
        var (name, directory, assembly) = DistributedLapor.Shape.Single(p => p.Name == "gateway");
        _gateway = new ServiceProcess(name, directory, assembly, environment);
        _gateway.Start();
        await LiveAsync(_gateway);
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _intake.DisposeAsync();
    }

    [Fact]
    public async Task A_report_sent_to_a_replica_that_refuses_goes_to_the_other_once()
    {
        using var client = new HttpClient { BaseAddress = _gateway.Address };
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 20; i++)
        {
            using var response = await client.PostAsJsonAsync("/api/complaints", new { type = "aduan", title = $"Jalan rusak {i}", text = "Jalan berlubang.", region = "35.78" });
            statuses.Add(response.StatusCode);
        }
        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.Created, status));
        Assert.Equal(20, _received);
    }

    private static async Task LiveAsync(ServiceProcess process)
    {
        using var client = new HttpClient { BaseAddress = process.Address, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (process.HasExited) throw new InvalidOperationException($"{process.Name} exited:\n{process.RecentOutput}");
            try
            {
                if ((await client.GetAsync("/health/live")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        throw new TimeoutException($"{process.Name} did not start:\n{process.RecentOutput}");
    }
}
