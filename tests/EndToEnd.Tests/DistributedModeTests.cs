using Lapor.EndToEnd.Tests.Infrastructure;
using static Lapor.EndToEnd.Tests.Infrastructure.SkeletonFlow;

namespace Lapor.EndToEnd.Tests;

/// <summary>Each service and the gateway in its own process, on the real RabbitMQ and PostgreSQL.</summary>
[Trait("Category", "Distributed")]
public sealed class DistributedModeTests(DistributedLapor lapor) : IClassFixture<DistributedLapor>
{
    [Fact]
    public Task A_report_filed_at_the_gateway_is_routed_shown_in_the_inbox_and_counted() => RunAsync(lapor.NewClient);

    [Fact]
    public async Task A_report_accepted_while_intake_cannot_reach_the_broker_is_delivered_exactly_once_when_it_can()
    {
        var officer = await lapor.Client.AsAsync(lapor.NewClient, "officer", RoadAgency);
        lapor.IntakeBrokerLink.Cut();
        Receipt receipt;
        try
        {
            receipt = await FileAsync(lapor.Client, RoadInSurabaya);
            var complaintId = await lapor.Databases.ScalarAsync<Guid>("intake",
                "SELECT \"Id\" FROM complaints WHERE \"TrackingId\" = @t", ("t", receipt.TrackingId));
            Assert.NotEqual(Guid.Empty, complaintId);

            await Task.Delay(TimeSpan.FromSeconds(3));
            Assert.True(await lapor.Databases.ScalarAsync<long>("intake", "SELECT count(*) FROM outbox_messages WHERE \"SentAt\" IS NULL") >= 1,
                "the event waits in the outbox");
            Assert.False(await InInboxAsync(officer, receipt.TrackingId));
        }
        finally
        {
            lapor.IntakeBrokerLink.Restore();
        }

        await Eventually(() => InInboxAsync(officer, receipt.TrackingId),
            "the report reaches the inbox after the broker is back", seconds: 60);
        await Eventually(async () => (await TrackAsync(lapor.Client, receipt)).GetProperty("status").GetString() == "terdisposisi",
            "intake hears it was routed");

        var id = await lapor.Databases.ScalarAsync<Guid>("intake", "SELECT \"Id\" FROM complaints WHERE \"TrackingId\" = @t", ("t", receipt.TrackingId));
        Assert.Equal(1, await lapor.Databases.ScalarAsync<long>("desk", "SELECT count(*) FROM complaints WHERE \"ComplaintId\" = @id", ("id", id)));
        Assert.Equal(1, await lapor.Databases.ScalarAsync<long>("triage", "SELECT count(*) FROM complaints WHERE \"ComplaintId\" = @id", ("id", id)));
        await Eventually(async () => await lapor.Databases.ScalarAsync<long>("analytics",
            "SELECT count(*) FROM events WHERE \"ComplaintId\" = @id AND \"EventType\" = 'ComplaintSubmitted'", ("id", id)) == 1,
            "analytics kept the submission once");
        Assert.Equal(0, await lapor.Databases.ScalarAsync<long>("intake", "SELECT count(*) FROM outbox_messages WHERE \"SentAt\" IS NULL"));
    }

    [Theory]
    [InlineData("/api/desk/inbox", null, 401)]
    [InlineData("/api/desk/inbox", "citizen", 403)]
    [InlineData("/api/analytics/summary", "officer", 403)]
    [InlineData("/api/analytics/summary", "oversight", 200)]
    public async Task The_gateway_enforces_roles_before_proxying(string path, string? role, int expected)
    {
        var client = role is null ? lapor.NewClient() : await lapor.Client.AsAsync(lapor.NewClient, role, role == "officer" ? RoadAgency : null);
        Assert.Equal(expected, (int)(await client.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task The_gateway_reports_live_and_ready_when_every_service_is()
    {
        Assert.Equal("Healthy", await lapor.Client.GetStringAsync("/health/ready"));
        Assert.Equal("Healthy", await lapor.Client.GetStringAsync("/health/live"));
    }

    [Fact]
    public async Task An_oversized_report_body_is_refused_with_413_before_it_is_read()
    {
        var huge = new StringContent("{\"text\":\"" + new string('a', 200_000) + "\"}", System.Text.Encoding.UTF8, "application/json");
        Assert.Equal(413, (int)(await lapor.Client.PostAsync("/api/complaints", huge)).StatusCode);
    }
}
