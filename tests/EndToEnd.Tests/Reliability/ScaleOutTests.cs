using System.Diagnostics;
using Lapor.EndToEnd.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Lapor.EndToEnd.Tests.Reliability;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ScaleOut : ICollectionFixture<ScaledOutLapor>
{
    public const string Name = "scale-out";
}

/// <summary>
/// Two replicas of every service (<see cref="ScaledOutLapor"/>): under the fault suite's stream one replica of each is
/// killed, and the survivors must deliver every accepted report once and send every reporter's and officer's mail once;
/// with both triage replicas sweeping the same deadlines every second, each passed deadline is reported once.
/// </summary>
[Collection(ScaleOut.Name)]
[Trait("Category", "Faults")]
public sealed class ScaleOutTests(ScaledOutLapor lapor, ITestOutputHelper output) : FaultScenarios<ScaledOutLapor>(lapor, output)
{
    private static readonly TimeSpan MailLimit = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task One_replica_of_every_service_is_killed_under_load()
    {
        await Lapor.StartStoppedReplicasAsync();
        try
        {
            var (stream, _) = await ScenarioAsync("two replicas each, kill -9 one of each", async () =>
            {
                foreach (var replica in Lapor.SecondReplicas) await replica.KillAsync();
            }, withEmail: true);
            await EveryMailSentOnceAsync(stream, killedMailers: 2);
        }
        finally
        {
            await Lapor.StartStoppedReplicasAsync();
        }
    }

    [Fact]
    public async Task Two_triage_replicas_report_each_passed_deadline_once()
    {
        await Lapor.StartStoppedReplicasAsync();
        var (stream, _) = await ScenarioAsync("two replicas each, both sweeping", () => Task.CompletedTask);
        var complaints = await Lapor.Databases.ScalarAsync<Guid[]>("intake", "SELECT array_agg(\"Id\") FROM complaints WHERE \"TrackingId\" = ANY(@t)",
            ("t", stream.Accepted.ToArray()));
        // The agency's ten working days pass at once: both replicas find every report overdue at their next sweep.
        await Lapor.Databases.ScalarAsync<int>("triage", "UPDATE complaints SET \"FollowUpDueAt\" = now() - interval '1 minute' WHERE \"ComplaintId\" = ANY(@c)",
            ("c", complaints!));

        const string breaches = "SELECT count(*) FROM events WHERE \"EventType\" = 'SlaBreached' AND \"ComplaintId\" = ANY(@c)";
        var clock = Stopwatch.StartNew();
        while (await Lapor.Databases.ScalarAsync<long>("analytics", breaches, ("c", complaints!)) < complaints!.Length && clock.Elapsed < MailLimit)
            await Task.Delay(500);
        await Task.Delay(TimeSpan.FromSeconds(5)); // five more sweeps of each replica: any second report of a deadline would arrive now
        Assert.Equal(complaints.Length, await Lapor.Databases.ScalarAsync<long>("analytics", breaches, ("c", complaints)));
        Assert.Equal(complaints.Length, await Lapor.Databases.ScalarAsync<long>("triage",
            "SELECT count(*) FROM complaints WHERE \"FollowUpBreachedAt\" IS NOT NULL AND \"ComplaintId\" = ANY(@c)", ("c", complaints)));
    }

    /// <summary>
    /// Every notification queued for these reports is sent in the end (a lease a killed replica held runs out), and each
    /// reached its recipient under one Message-Id: the reporters' mails per report are as many as the report's sent
    /// notifications, the supervisor's as many as their notices about these reports. A copy with the same Message-Id is
    /// what a process killed between sending and recording leaves; there can be at most one per killed mailer.
    /// </summary>
    private async Task EveryMailSentOnceAsync(ReportStream stream, int killedMailers)
    {
        var trackingIds = stream.Accepted.ToArray();
        const string unsent = "SELECT count(*) FROM notifications n JOIN complaints c ON c.\"Id\" = n.\"ComplaintId\" WHERE c.\"TrackingId\" = ANY(@t) AND n.\"SentAt\" IS NULL";
        const string unmailed = "SELECT count(*) FROM officer_notices WHERE \"TrackingId\" = ANY(@t) AND \"OfficerId\" = @s AND \"MailedAt\" IS NULL";
        var clock = Stopwatch.StartNew();
        while ((await Lapor.Databases.ScalarAsync<long>("intake", unsent, ("t", trackingIds)) > 0
                || await Lapor.Databases.ScalarAsync<long>("desk", unmailed, ("t", trackingIds), ("s", FaultyLapor.Supervisor)) > 0)
               && clock.Elapsed < MailLimit)
            await Task.Delay(500);

        var sentPerReport = (await Lapor.Databases.PairsAsync<string, long>("intake",
                "SELECT c.\"TrackingId\", count(*) FROM notifications n JOIN complaints c ON c.\"Id\" = n.\"ComplaintId\" " +
                "WHERE c.\"TrackingId\" = ANY(@t) AND n.\"SentAt\" IS NOT NULL GROUP BY c.\"TrackingId\"", ("t", trackingIds)))
            .ToDictionary(row => row.First, row => row.Second);
        var noticeIds = (await Lapor.Databases.PairsAsync<long, DateTimeOffset?>("desk",
                "SELECT \"Id\", \"MailedAt\" FROM officer_notices WHERE \"TrackingId\" = ANY(@t) AND \"OfficerId\" = @s", ("t", trackingIds), ("s", FaultyLapor.Supervisor)))
            .ToList();
        var mails = Lapor.Mail.Messages.ToList();

        Assert.All(trackingIds, trackingId =>
        {
            var received = mails.Where(m => m.To.Contains(stream.EmailOf[trackingId])).ToList();
            Assert.All(received, m => Assert.NotNull(m.Header("Message-Id")));
            Assert.Equal(sentPerReport.GetValueOrDefault(trackingId), received.Select(m => m.Header("Message-Id")).Distinct().Count());
        });
        Assert.All(noticeIds, notice => Assert.NotNull(notice.Second));
        var toSupervisor = mails.Where(m => m.To.Contains(ScaledOutLapor.SupervisorEmail)).Select(m => m.Header("Message-Id") ?? "").ToList();
        var expected = noticeIds.Select(n => $"<lapor-notice-{n.First}@lapor.test>").ToHashSet();
        Assert.Equal(expected.Count, toSupervisor.Where(expected.Contains).Distinct().Count());

        var reporterMails = mails.Count(m => stream.EmailOf.Values.Any(m.To.Contains));
        var copies = reporterMails - sentPerReport.Values.Sum() + toSupervisor.Count(expected.Contains) - expected.Count;
        Output.WriteLine($"mail: {sentPerReport.Values.Sum()} reporters' notifications and {expected.Count} supervisor's notices sent; {copies} copies resent after a kill; {clock.Elapsed.TotalSeconds:0.0} s until all were sent");
        Assert.InRange(copies, 0, killedMailers);
    }
}
