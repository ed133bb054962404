using Lapor.Triage.Workers;
using Lapor.Contracts;
using Lapor.ServiceDefaults.Messaging;
using Lapor.Triage.Domain;
using Lapor.Triage.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Lapor.Triage.Tests;

/// <summary>The deadline sweep against a real (SQLite) triage database, with a clock the test moves.</summary>
public sealed class SlaSweepTests : IAsyncLifetime
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"lapor-sla-{Guid.NewGuid():N}.db");
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero)); // Monday 09:00 WIB
    private readonly WorkingCalendar _calendar = new(new ConfigurationBuilder().Build());
    private TriageDbContext _db = null!;

    public async Task InitializeAsync()
    {
        _db = new TriageDbContext(new DbContextOptionsBuilder<TriageDbContext>().UseSqlite($"Data Source={_file}").Options);
        await _db.Database.EnsureCreatedAsync();
        await new AgencySeeder().SeedAsync(_db, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }

    private async Task<TriagedComplaint> Routed(string agencyId)
    {
        var agency = AgencySeeder.Load().Single(a => a.Id == agencyId);
        var filed = new ComplaintSubmitted(Guid.NewGuid(), "LPR-SLA00001", 1, _clock.GetUtcNow(), ReportType.Aduan, "Jalan berlubang",
            "Jalan rusak parah.", null, agency.Region, Channel.Web, false, false);
        var decision = new RoutingDecision(ReportType.Aduan, agency.Sectors[0], agency.Id, agency.Name, agency.Region, 0.9, [], []);
        var (complaint, _) = TriagedComplaint.Triage(filed, decision, null, _calendar, _clock.GetUtcNow());
        _db.Complaints.Add(complaint);
        await _db.SaveChangesAsync();
        return complaint;
    }

    private async Task<int> Sweep() => (await SweepAll()).Breaches;

    private Task<SlaSweep.Outcome> SweepAll() => new SlaSweep(_db, new TriageModel(NullLogger<TriageModel>.Instance), _clock).RunAsync(CancellationToken.None);

    private async Task<List<SlaBreached>> Breaches() =>
        (await _db.OutboxMessages.AsNoTracking().Where(m => m.MessageType == typeof(SlaBreached).FullName).ToListAsync())
            .Select(m => (SlaBreached)m.Deserialize().Message).ToList();

    [Fact]
    public async Task A_district_office_that_does_not_answer_in_five_working_days_breaches_once_and_escalates_to_its_province()
    {
        await Routed("35.78.dpupr");

        _clock.Advance(TimeSpan.FromDays(6)); // Sunday: the deadline (end of Monday+5 working days) is still ahead
        Assert.Equal(0, await Sweep());
        _clock.Advance(TimeSpan.FromDays(2.5)); // Tuesday 1 December: past Monday 30 November 23:59:59 WIB
        Assert.Equal(1, await Sweep());
        Assert.Equal(0, await Sweep());

        var breach = Assert.Single(await Breaches());
        Assert.Equal((SlaBreached.FollowUp, "35.78.dpupr", "35.setda"), (breach.Deadline, breach.AgencyId, breach.EscalatedTo));
    }

    /// <summary>
    /// Two triage replicas sweeping at once: the second has read the overdue report when the first records its breach.
    /// The second's save must fail (the report's sequence moved on) and add nothing, so the deadline is reported once.
    /// </summary>
    [Fact]
    public async Task A_second_replica_sweeping_the_same_deadline_at_once_records_nothing()
    {
        await Routed("35.78.dpupr");
        _clock.Advance(TimeSpan.FromDays(30));
        var pause = new PauseAfterFirstQuery();
        await using var replica = new TriageDbContext(new DbContextOptionsBuilder<TriageDbContext>()
            .UseSqlite($"Data Source={_file}").AddInterceptors(pause).Options);

        var late = Task.Run(() => new SlaSweep(replica, new TriageModel(NullLogger<TriageModel>.Instance), _clock).RunAsync(CancellationToken.None));
        await pause.Read.Task; // the other replica has the report, overdue and unbreached, in hand
        Assert.Equal(1, await Sweep());
        pause.Resume.SetResult();

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => late);
        Assert.Single(await Breaches());
    }

    /// <summary>Holds a context after its first query has been read, until the test lets it go on.</summary>
    private sealed class PauseAfterFirstQuery : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
    {
        public TaskCompletionSource Read { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Resume { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override async ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult> DataReaderClosingAsync(System.Data.Common.DbCommand command,
            Microsoft.EntityFrameworkCore.Diagnostics.DataReaderClosingEventData eventData, Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult result)
        {
            if (Read.TrySetResult()) await Resume.Task;
            return result;
        }
    }

    [Fact]
    public async Task An_answer_before_the_deadline_stops_the_clock()
    {
        var complaint = await Routed("nas.pln");
        complaint.Answered(new AgencyResponded(complaint.ComplaintId, complaint.TrackingId, 4, _clock.GetUtcNow().AddDays(1), "nas.pln", "PLN", "Sudah dicek", true), _calendar);
        await _db.SaveChangesAsync();

        _clock.Advance(TimeSpan.FromDays(30));
        Assert.Equal(0, await Sweep());
    }

    [Fact]
    public async Task A_national_body_escalates_to_the_admin_desk()
    {
        await Routed("nas.bpjs-kesehatan");
        _clock.Advance(TimeSpan.FromDays(10));
        await Sweep();
        Assert.Equal(Agency.AdminDesk, Assert.Single(await Breaches()).EscalatedTo);
    }

    private AgencyResponded Answer(TriagedComplaint complaint, DateTimeOffset at) =>
        new(complaint.ComplaintId, complaint.TrackingId, 3, at, complaint.AgencyId, "Dinas PU", "Sudah diperbaiki", true);

    [Fact]
    public async Task A_reopened_report_the_agency_leaves_unanswered_breaches_five_working_days_after_the_reopening_and_escalates_the_same_way()
    {
        var complaint = await Routed("35.78.dpupr");
        complaint.Answered(Answer(complaint, _clock.GetUtcNow().AddHours(2)), _calendar);
        _clock.Advance(TimeSpan.FromDays(3)); // Thursday: the reporter is not satisfied
        complaint.Reopened(new ComplaintReopened(complaint.ComplaintId, complaint.TrackingId, 4, _clock.GetUtcNow(), "Masih berlubang"), _calendar);
        await _db.SaveChangesAsync();

        _clock.Advance(TimeSpan.FromDays(7)); // Thursday a week on: the new deadline (Thursday + 5 working days) is ahead
        Assert.Equal(0, await Sweep());
        _clock.Advance(TimeSpan.FromDays(1)); // Friday 4 December, past Thursday 3 December 23:59:59 WIB
        Assert.Equal(1, await Sweep());

        var breach = Assert.Single(await Breaches());
        Assert.Equal((SlaBreached.FollowUp, "35.setda"), (breach.Deadline, breach.EscalatedTo));
        Assert.Equal(new DateOnly(2026, 12, 3), DateOnly.FromDateTime(breach.DueAt.ToOffset(TimeSpan.FromHours(7)).DateTime)); // in WIB
    }

    [Fact]
    public async Task After_a_reopening_only_a_new_answer_stops_the_clock_not_an_earlier_one_delivered_late()
    {
        var complaint = await Routed("35.78.dpupr");
        var routedAt = _clock.GetUtcNow();
        _clock.Advance(TimeSpan.FromDays(1));
        complaint.Reopened(new ComplaintReopened(complaint.ComplaintId, complaint.TrackingId, 4, _clock.GetUtcNow(), "Belum ada tindakan"), _calendar);
        complaint.Answered(Answer(complaint, routedAt.AddHours(1)), _calendar); // given before the reopening, arriving after it
        await _db.SaveChangesAsync();
        Assert.Null(complaint.RespondedAt);

        complaint.Answered(Answer(complaint, _clock.GetUtcNow().AddHours(1)), _calendar);
        await _db.SaveChangesAsync();
        _clock.Advance(TimeSpan.FromDays(30));
        Assert.Equal(0, await Sweep());
    }

    [Fact]
    public async Task An_answered_report_the_reporter_leaves_unreplied_for_ten_working_days_closes_itself_once()
    {
        var complaint = await Routed("35.78.dpupr");
        complaint.Answered(Answer(complaint, _clock.GetUtcNow().AddHours(1)), _calendar); // Monday 23 November
        await _db.SaveChangesAsync();

        _clock.Advance(TimeSpan.FromDays(13)); // Sunday 6 December: 10 working days end on Monday 7 December
        Assert.Equal(0, (await SweepAll()).Closed);
        _clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(new SlaSweep.Outcome(0, 1), await SweepAll());
        Assert.Equal(0, (await SweepAll()).Closed);

        var closed = (await _db.OutboxMessages.AsNoTracking().Where(m => m.MessageType == typeof(ComplaintResolved).FullName).ToListAsync())
            .Select(m => (ComplaintResolved)m.Deserialize().Message).Single();
        Assert.Equal(("35.78.dpupr", TriagedComplaint.ClosedQuietlyAnswer), (closed.AgencyId, closed.Answer));
    }

    [Fact]
    public async Task A_reporter_s_reply_keeps_an_answered_report_open_until_the_agency_answers_again()
    {
        var complaint = await Routed("35.78.dpupr");
        complaint.Answered(Answer(complaint, _clock.GetUtcNow().AddHours(1)), _calendar);
        complaint.ReporterReplied(new ReporterReplied(complaint.ComplaintId, complaint.TrackingId, 4, _clock.GetUtcNow().AddDays(2), "Lubangnya masih ada"), _calendar);
        await _db.SaveChangesAsync();

        _clock.Advance(TimeSpan.FromDays(30));
        Assert.Equal(0, (await SweepAll()).Closed);
    }

    [Fact]
    public async Task A_reply_delivered_before_the_answer_it_follows_still_keeps_the_report_open()
    {
        var complaint = await Routed("35.78.dpupr");
        var answeredAt = _clock.GetUtcNow().AddHours(1);
        // Intake relays the reply and the desk publishes the answer: the reply can arrive first.
        complaint.ReporterReplied(new ReporterReplied(complaint.ComplaintId, complaint.TrackingId, 4, answeredAt.AddHours(3), "Lubangnya masih ada"), _calendar);
        complaint.Answered(Answer(complaint, answeredAt), _calendar);
        await _db.SaveChangesAsync();
        Assert.Null(complaint.CloseQuietlyAt);

        _clock.Advance(TimeSpan.FromDays(30));
        Assert.Equal(0, (await SweepAll()).Closed);
    }

    [Fact]
    public async Task A_reopening_announces_the_new_follow_up_deadline_once()
    {
        var complaint = await Routed("35.78.dpupr");
        complaint.Answered(Answer(complaint, _clock.GetUtcNow().AddHours(2)), _calendar);
        _clock.Advance(TimeSpan.FromDays(3)); // Thursday 26 November
        var reopened = new ComplaintReopened(complaint.ComplaintId, complaint.TrackingId, 6, _clock.GetUtcNow(), "Masih berlubang");

        var restarted = complaint.Reopened(reopened, _calendar);

        Assert.NotNull(restarted);
        Assert.Equal((complaint.FollowUpDueAt!.Value, "35.78.dpupr", reopened.OccurredAt), (restarted.FollowUpDueAt, restarted.AgencyId, restarted.OccurredAt));
        Assert.Equal(new DateOnly(2026, 12, 3), DateOnly.FromDateTime(restarted.FollowUpDueAt.ToOffset(TimeSpan.FromHours(7)).DateTime));
        Assert.True(restarted.Sequence > reopened.Sequence);
        Assert.Null(complaint.Reopened(reopened, _calendar)); // the same reopening delivered again
    }

    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;
        public override DateTimeOffset GetUtcNow() => _now;
        public void Advance(TimeSpan by) => _now += by;
    }
}
