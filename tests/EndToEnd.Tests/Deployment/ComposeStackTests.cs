using System.Diagnostics;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Lapor.EndToEnd.Tests.Infrastructure;

namespace Lapor.EndToEnd.Tests.Deployment;

/// <summary>
/// docker-compose.yml brought up as an operator would, with Debian's docker-compose, from the images
/// deploy/compose-images.sh builds (tests/run.sh builds them first): PostgreSQL, RabbitMQ, the four services and the
/// gateway, each in its own container on the compose network. A report filed through the gateway's published port
/// reaches the agency's inbox and the oversight figures. The telemetry profile (Jaeger, the Collector) stays off: their
/// images cannot be built from Debian packages.
/// Seven containers starting at once load a 2-core machine: the test runs alone, not beside the other suites.
/// </summary>
[Trait("Category", "Compose")]
[Collection(Name)]
public sealed class ComposeStackTests : IAsyncLifetime
{
    public const string Name = "Compose stack";

    /// <summary>The compose project every run uses; tests/run.sh removes whatever of it is left.</summary>
    public const string Project = "laportest";

    private readonly int _port = TestEnvironment.FreePort();
    private readonly string _variables = Path.Combine(Path.GetTempPath(), $"lapor-compose-{Guid.NewGuid():N}.env");

    public async Task InitializeAsync()
    {
        string Secret() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        await File.WriteAllLinesAsync(_variables,
        [
            "LAPOR_IMAGE_TAG=local",
            $"LAPOR_POSTGRES_IMAGE={Environment.GetEnvironmentVariable("LAPOR_TEST_POSTGRES_IMAGE") ?? "postgres:15"}",
            $"LAPOR_RABBITMQ_IMAGE={Environment.GetEnvironmentVariable("LAPOR_TEST_RABBITMQ_IMAGE") ?? "rabbitmq:3-management"}",
            $"POSTGRES_PASSWORD={Secret()}",
            $"RABBITMQ_DEFAULT_PASS={Secret()}",
            $"LAPOR_AUTH_SIGNING_KEY={TestTokens.SigningKey}",
            $"LAPOR_GATEWAY_PORT={_port}",
            $"LAPOR_RABBITMQ_UI_PORT={TestEnvironment.FreePort()}",
        ]);
        await ComposeAsync("up", "-d", "--no-build");
    }

    public async Task DisposeAsync()
    {
        await ComposeAsync("down", "-v", "--remove-orphans");
        File.Delete(_variables);
    }

    [Fact]
    public async Task A_report_filed_through_the_gateway_container_reaches_the_agency_inbox_and_the_figures()
    {
        using var citizen = Client(null);
        using var officer = Client(TestTokens.Create("officer", SkeletonFlow.RoadAgency, DateTime.UtcNow.AddHours(1)));
        using var oversight = Client(TestTokens.Create("oversight", null, DateTime.UtcNow.AddHours(1)));
        await EventuallyOrLogsAsync(async () => (await citizen.GetAsync("/health/ready")).IsSuccessStatusCode, "the gateway container is ready", 240);

        var receipt = await SkeletonFlow.FileAsync(citizen, SkeletonFlow.RoadInSurabaya);

        await EventuallyOrLogsAsync(() => SkeletonFlow.InInboxAsync(officer, receipt.TrackingId), "the report is in the agency's inbox", 90);
        await EventuallyOrLogsAsync(async () => await SkeletonFlow.TotalCountedAsync(oversight) == 1, "analytics counts the report", 90);
        var tracked = await SkeletonFlow.TrackAsync(citizen, receipt);
        Assert.Equal("terdisposisi", tracked.GetProperty("status").GetString());
        Assert.Equal(SkeletonFlow.RoadAgency, tracked.GetProperty("agencyId").GetString());
    }

    private HttpClient Client(string? token)
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_port}"), Timeout = TimeSpan.FromSeconds(10) };
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Polls until the condition holds (a failed request counts as not yet); fails with every container's state and log tail.</summary>
    private async Task EventuallyOrLogsAsync(Func<Task<bool>> condition, string what, int seconds)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(seconds))
        {
            try
            {
                if (await condition()) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
            {
            }
            await Task.Delay(500);
        }
        Assert.Fail($"Timed out after {seconds} s waiting until {what}.\n{await ComposeAsync("ps")}\n{await ComposeAsync("logs", "--no-color", "--tail=40")}");
    }

    /// <summary>docker-compose on this repository's file with this run's variables (through sudo when not root); returns its output.</summary>
    private async Task<string> ComposeAsync(params string[] args)
    {
        string[] compose = ["docker-compose", "--project-name", Project, "--env-file", _variables, "--file", "docker-compose.yml", .. args];
        var info = new ProcessStartInfo(Environment.UserName == "root" ? compose[0] : "sudo")
        {
            WorkingDirectory = TestEnvironment.RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in Environment.UserName == "root" ? compose[1..] : compose) info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        var text = await output + await errors;
        if (args[0] is "up" or "down") Assert.True(process.ExitCode == 0, $"docker-compose {string.Join(' ', args)} failed:\n{text}");
        return text;
    }
}

[CollectionDefinition(ComposeStackTests.Name, DisableParallelization = true)]
public sealed class ComposeStack;
