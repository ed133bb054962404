using System.Net.Http.Json;
using System.Text.Json;
using Lapor.AgencyDesk.Domain;
using Lapor.AgencyDesk.Persistence;
using Lapor.AgencyDesk.Workers;
using Lapor.EndToEnd.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Lapor.EndToEnd.Tests.Infrastructure.SkeletonFlow;

namespace Lapor.EndToEnd.Tests;

/// <summary>
/// Officers hear about their work — a new report reaches the agency's supervisors, an assignment the officer, the
/// reporter's reply and a deadline a day away whoever holds the report — in the portal's count and by e-mail through a
/// real SMTP conversation, once each even though every event is published twice and the mail server first refuses.
/// </summary>
public sealed class OfficerNoticesTests : IAsyncLifetime
{
    private const string SupervisorMail = "sari@pu.surabaya.go.id", OfficerMail = "budi@pu.surabaya.go.id";
    private static readonly string OfficerId = $"officer:{RoadAgency}:Budi Petugas";
    private readonly SmtpSink _smtp = new(refuseFirstSessions: 1);
    private readonly EmbeddedLaporFactory _lapor = new();

    public Task InitializeAsync()
    {
        _smtp.ReceiveFrom(_lapor.Settings);
        _lapor.Settings["Lapor:Desk:MailSeconds"] = "1";
        _lapor.Settings["Lapor:Faults:PublishTwice"] = "true";
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _lapor.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task A_new_report_an_assignment_a_reply_and_a_near_deadline_each_reach_the_right_officer_once()
    {
        var citizen = _lapor.CreateClient();
        var supervisor = await citizen.AsAsync(_lapor.CreateClient, "supervisor", RoadAgency, name: "Sari Penyelia");
        var officer = await citizen.AsAsync(_lapor.CreateClient, "officer", RoadAgency, name: "Budi Petugas");
        Assert.True((await supervisor.PutAsJsonAsync("/api/desk/notices/mail", new { email = SupervisorMail })).IsSuccessStatusCode);
        Assert.True((await officer.PutAsJsonAsync("/api/desk/notices/mail", new { email = OfficerMail })).IsSuccessStatusCode);
        Assert.Equal(400, (int)(await officer.PutAsJsonAsync("/api/desk/notices/mail", new { email = "bukan alamat" })).StatusCode);

        var receipt = await FileAsync(citizen, RoadInSurabaya);
        await Eventually(async () => await HasAsync(supervisor, "new_report", receipt.TrackingId), "the supervisor is told of the new report", seconds: 60);
        await Eventually(() => Task.FromResult(MailsTo(SupervisorMail, receipt.TrackingId) == 1), "and mailed (after one refusal)", seconds: 60);
        Assert.False(await HasAsync(officer, "new_report", receipt.TrackingId));

        Assert.True((await supervisor.PostAsJsonAsync($"/api/desk/complaints/{receipt.TrackingId}/assign", new { officerId = OfficerId })).IsSuccessStatusCode);
        await Eventually(async () => await HasAsync(officer, "assigned", receipt.TrackingId), "the officer is told of the assignment");

        using (var reply = new HttpRequestMessage(HttpMethod.Post, $"/api/complaints/{receipt.TrackingId}/replies")
               { Content = JsonContent.Create(new { text = "Lubangnya makin lebar setelah hujan semalam." }) })
        {
            reply.Headers.Add("X-Access-Code", receipt.AccessCode);
            Assert.True((await citizen.SendAsync(reply)).IsSuccessStatusCode);
        }
        await Eventually(async () => await HasAsync(officer, "reporter_replied", receipt.TrackingId), "the holder is told of the reporter's reply", seconds: 60);

        // A day before the deadline (moved in the desk's own database), the sweep tells the holder; a second sweep adds nothing.
        await InDeskAsync(db => db.Complaints.Where(c => c.TrackingId == receipt.TrackingId)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.FollowUpDueAt, DateTimeOffset.UtcNow.AddHours(3))));
        Assert.Equal(1, await InDeskAsync(db => new DueSoonNotices(db, TimeProvider.System).RunAsync(CancellationToken.None)));
        Assert.Equal(0, await InDeskAsync(db => new DueSoonNotices(db, TimeProvider.System).RunAsync(CancellationToken.None)));
        Assert.True(await HasAsync(officer, "due_soon", receipt.TrackingId));
        await Eventually(() => Task.FromResult(MailsTo(OfficerMail, receipt.TrackingId) == 3), "the officer is mailed each of the three", seconds: 60);

        // Every event went out twice; every notice is there once.
        var kinds = await InDeskAsync(db => db.Notices.Where(n => n.TrackingId == receipt.TrackingId)
            .Select(n => new { n.Kind, n.OfficerId }).ToListAsync());
        Assert.Equal([(NoticeKind.NewReport, $"supervisor:{RoadAgency}:Sari Penyelia")],
            kinds.Where(k => k.Kind == NoticeKind.NewReport).Select(k => (k.Kind, k.OfficerId)));
        Assert.Equal(new[] { NoticeKind.Assigned, NoticeKind.DueSoon, NoticeKind.ReporterReplied },
            kinds.Where(k => k.OfficerId == OfficerId).Select(k => k.Kind).Order());
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(1, MailsTo(SupervisorMail, receipt.TrackingId));
        Assert.Equal(3, MailsTo(OfficerMail, receipt.TrackingId));
        Assert.DoesNotContain(_smtp.Messages, m => m.Data.Contains("Lubangnya makin lebar"));

        var read = await (await officer.PostAsJsonAsync("/api/desk/notices/read", new { })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, read.GetProperty("unread").GetInt32());
    }

    private int MailsTo(string address, string trackingId) => _smtp.Messages.Count(m => m.To.Contains(address) && m.Data.Contains(trackingId));

    private static async Task<bool> HasAsync(HttpClient caller, string kind, string trackingId)
    {
        var page = await caller.GetFromJsonAsync<JsonElement>("/api/desk/notices");
        return page.GetProperty("items").EnumerateArray()
            .Any(n => n.GetProperty("kind").GetString() == kind && n.GetProperty("trackingId").GetString() == trackingId);
    }

    private async Task<T> InDeskAsync<T>(Func<DeskDbContext, Task<T>> work)
    {
        await using var scope = _lapor.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<DeskDbContext>());
    }
}
