using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lapor.EndToEnd.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Lapor.EndToEnd.Tests.Reliability;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FaultSuite : ICollectionFixture<FaultyLapor>
{
    public const string Name = "fault suite";
}

/// <summary>
/// The fault suite: a steady stream of reports through the gateway of distributed Lapor (real RabbitMQ, real
/// PostgreSQL, each service its own process, every event published twice), and during it one fault at a
/// time (<see cref="FaultScenarios{TLapor}"/>). Afterwards every accepted report must be in the agency inbox exactly once, carry
/// a deadline, be counted by analytics once and show as routed in the citizen's timeline. Runs alone: it restarts the
/// shared broker and database.
/// </summary>
[Collection(FaultSuite.Name)]
[Trait("Category", "Faults")]
public sealed class FaultSuiteTests(FaultyLapor lapor, ITestOutputHelper output) : FaultScenarios<FaultyLapor>(lapor, output)
{
    [Fact]
    public Task Every_event_delivered_twice() => ScenarioAsync("every event published twice", () => Task.CompletedTask);

    [Fact]
    public Task RabbitMq_restarts() => ScenarioAsync("RabbitMQ restarted", FaultyLapor.RestartRabbitMqAsync);

    [Fact]
    public Task PostgreSQL_restarts() => ScenarioAsync("PostgreSQL restarted", FaultyLapor.RestartPostgresAsync);

    /// <summary>The desk loses its network to the broker while it runs (it keeps answering HTTP), then gets it back.</summary>
    [Fact]
    public Task The_desk_is_cut_from_the_broker_and_reconnected() => ScenarioAsync("desk ↔ RabbitMQ partition (10 s)", async () =>
    {
        Lapor.DeskBrokerLink.Cut();
        await Task.Delay(TimeSpan.FromSeconds(10));
        Lapor.DeskBrokerLink.Restore();
    });

    [Fact]
    public Task Consumers_are_killed_and_restarted() => ScenarioAsync("kill -9 triage, desk, analytics", async () =>
    {
        foreach (var service in new[] { "triage", "desk", "analytics" })
            await Lapor.RestartAsync(service, down: TimeSpan.FromSeconds(1));
    });

    [Fact]
    public Task Every_service_is_stopped_gracefully_and_started_again() => ScenarioAsync("SIGTERM intake, triage, desk, analytics", async () =>
    {
        foreach (var service in new[] { "intake", "triage", "desk", "analytics" })
            await Lapor.RestartAsync(service, graceful: true);
    });

    /// <summary>
    /// The front door is killed under load and started again: a report in flight loses its answer (it may have been
    /// filed), and citizens without a receipt send theirs again with the same Idempotency-Key, as the portal's form does.
    /// Every report is then filed once — a second filing would be a tracking id the ledger never hears of, so Intake's
    /// rows are counted by title too.
    /// </summary>
    [Fact]
    public async Task The_gateway_is_killed_and_citizens_resend_with_their_key()
    {
        const string scenario = "kill -9 gateway (2 s), citizens resend";
        var (stream, _) = await ScenarioAsync(scenario, () => Lapor.RestartAsync("gateway", down: TimeSpan.FromSeconds(2)), resendWithKey: true);

        Assert.Equal(0, stream.Refused);
        Assert.InRange(stream.AcceptedOnResend, 1, stream.Accepted.Count);
        var filed = await Lapor.Databases.ScalarAsync<long>("intake", "SELECT count(*) FROM complaints WHERE \"Title\" LIKE @p", ("p", $"%({scenario} %"));
        Assert.Equal(stream.Accepted.Count, filed);
        Output.WriteLine($"{stream.AcceptedOnResend} of {stream.Accepted.Count} accepted on a resend; {filed} filed");
    }

    [Fact]
    public async Task A_poison_report_waits_in_the_error_queue_and_is_re_driven_after_the_fix()
    {
        const string poison = "POISON-REPORT";
        await Lapor.RestartAsync("desk", settings => settings["Lapor__Faults__PoisonText"] = poison);
        var verifier = await Lapor.Client.AsAsync(Lapor.NewClient, "verifier");
        try
        {
            var stream = new ReportStream(Lapor.Gateway.Address, Rate);
            await stream.RunAsync(Duration, "poison", marker: poison);
            var poisoned = await TrackingIdWithTitleAsync(stream.Accepted, poison);
            var others = stream.Accepted.Where(t => t != poisoned).ToList();

            await ConvergeAsync(others);
            var errors = await Eventually(async () => await verifier.GetFromJsonAsync<JsonElement>("/api/admin/agency-desk/queue/errors"),
                e => e.GetArrayLength() > 0, "the poison report reaches the desk's error queue");
            Assert.All(errors.EnumerateArray(), e => Assert.Contains("Injected fault", e.GetProperty("exceptionMessage").GetString()));
            Assert.Equal(0, (await Ledger.TakeAsync(Lapor.Databases, [poisoned])).InInbox);

            // The fix: the desk runs without the fault; then an operator re-drives the error queue through the gateway.
            await Lapor.RestartAsync("desk", settings => settings.Remove("Lapor__Faults__PoisonText"));
            var clock = Stopwatch.StartNew();
            var redriven = await verifier.PostAsJsonAsync("/api/admin/agency-desk/queue/errors/redrive", new { });
            Assert.Equal(HttpStatusCode.OK, redriven.StatusCode);
            Assert.True((await redriven.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("count").GetInt32() >= 1);
            var ledger = await ConvergeAsync(stream.Accepted);
            Report("poison report, error queue, re-drive", stream, ledger, clock.Elapsed);
            Assert.Equal(0, (await verifier.GetFromJsonAsync<JsonElement>("/api/admin/agency-desk/queue")).GetProperty("failed").GetInt32());
        }
        finally
        {
            if (Lapor.Service("desk").Environment.ContainsKey("Lapor__Faults__PoisonText"))
                await Lapor.RestartAsync("desk", settings => settings.Remove("Lapor__Faults__PoisonText"));
        }
    }

    private async Task<string> TrackingIdWithTitleAsync(IEnumerable<string> trackingIds, string text) =>
        (await Lapor.Databases.ScalarAsync<string>("intake", "SELECT \"TrackingId\" FROM complaints WHERE \"TrackingId\" = ANY(@t) AND \"Title\" LIKE @p",
            ("t", trackingIds.ToArray()), ("p", $"%{text}%")))!;

    private static async Task<T> Eventually<T>(Func<Task<T>> read, Func<T, bool> done, string what)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = await read();
            if (done(value)) return value;
            if (clock.Elapsed > TimeSpan.FromSeconds(60)) Assert.Fail($"Timed out waiting until {what}.");
            await Task.Delay(500);
        }
    }
}
