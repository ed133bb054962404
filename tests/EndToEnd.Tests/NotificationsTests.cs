using System.Net.Http.Json;
using Lapor.EndToEnd.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Lapor.EndToEnd.Tests.Infrastructure.SkeletonFlow;

namespace Lapor.EndToEnd.Tests;

/// <summary>Reporters hear by e-mail, through a real SMTP conversation, when their report moves; once, and without a rahasia report's words.</summary>
public sealed class NotificationsTests : IAsyncLifetime
{
    private readonly SmtpSink _smtp = new(refuseFirstSessions: 2);
    private readonly EmbeddedLaporFactory _lapor = new();

    public Task InitializeAsync()
    {
        _smtp.ReceiveFrom(_lapor.Settings);
        return Task.CompletedTask;
    }

    private static object Report(string email, bool confidential, bool withContact = true) => new
    {
        type = "aduan",
        title = "Jalan berlubang di depan Pasar Wonokromo",
        text = "Jalan di depan Pasar Wonokromo berlubang besar RAHASIA-KATA dan membahayakan pengendara motor.",
        region = "35.78",
        confidential,
        contact = withContact ? new { name = "Rina Pelapor", email } : null,
    };

    [Fact]
    public async Task The_reporter_is_told_once_per_step_even_when_the_mail_server_first_refuses_and_a_rahasia_report_keeps_its_words()
    {
        var client = _lapor.CreateClient();
        var open = await FileAsync(client, Report("rina.terbuka@contoh.id", confidential: false));
        var secret = await FileAsync(client, Report("rina.rahasia@contoh.id", confidential: true));
        await FileAsync(client, Report("", confidential: false, withContact: false));

        // The first two sessions are refused (421): the notifications wait and go out later, none lost.
        await Eventually(() => Task.FromResult(_smtp.Messages.Count(m => m.To.Contains("rina.terbuka@contoh.id")) == 2
            && _smtp.Messages.Count(m => m.To.Contains("rina.rahasia@contoh.id")) == 2), "both reporters hear that their report was taken and routed", seconds: 60);
        Assert.True(_smtp.Refused >= 2);

        // The confirmation names the report and what happens next, and never carries the access code.
        var confirmed = _smtp.Messages.Single(m => m.To.Contains("rina.terbuka@contoh.id") && m.Body.Contains("sudah kami terima"));
        Assert.Contains(open.TrackingId, confirmed.Body);
        Assert.DoesNotContain(open.AccessCode, confirmed.Data);
        Assert.DoesNotContain(_smtp.Messages, m => m.Data.Contains(secret.AccessCode));

        var toOpen = _smtp.Messages.Single(m => m.To.Contains("rina.terbuka@contoh.id") && !m.Body.Contains("sudah kami terima"));
        Assert.Contains(open.TrackingId, toOpen.Body);
        Assert.Contains("Jalan berlubang di depan Pasar Wonokromo", toOpen.Body);
        Assert.All(_smtp.Messages.Where(m => m.To.Contains("rina.rahasia@contoh.id")), toSecret =>
        {
            Assert.Contains(secret.TrackingId, toSecret.Body);
            Assert.DoesNotContain("Pasar Wonokromo", toSecret.Body);
            Assert.DoesNotContain("RAHASIA-KATA", toSecret.Body);
        });

        // The agency answers the confidential report: one more mail, without the answer's words.
        var officer = await client.AsAsync(_lapor.CreateClient, "officer", RoadAgency);
        await Eventually(() => InInboxAsync(officer, secret.TrackingId), "the report reaches the inbox");
        Assert.True((await officer.PostAsJsonAsync($"/api/desk/complaints/{secret.TrackingId}/respond",
            new { text = "Tim kami meninjau lokasi di Wonokromo minggu ini." })).IsSuccessStatusCode);
        await Eventually(() => Task.FromResult(_smtp.Messages.Count(m => m.To.Contains("rina.rahasia@contoh.id")) == 3), "the answer is announced");
        Assert.DoesNotContain(_smtp.Messages, m => m.Body.Contains("meninjau lokasi"));

        await Task.Delay(2000); // nothing is sent twice, and a report without contact gets nothing
        Assert.Equal(5, _smtp.Messages.Count);
        Assert.DoesNotContain(_lapor.Logs, line => line.Contains("rina.", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_lost_access_code_is_replaced_by_one_sent_to_the_reporters_email_and_the_answer_says_nothing_of_what_exists()
    {
        var client = _lapor.CreateClient();
        var withEmail = await FileAsync(client, Report("rina.lupa@contoh.id", confidential: false));
        var withoutContact = await FileAsync(client, Report("", confidential: false, withContact: false));
        await Eventually(() => Task.FromResult(_smtp.Messages.Any(m => m.To.Contains("rina.lupa@contoh.id"))), "the routing mail", seconds: 60);

        async Task<string> RecoverAsync(string trackingId)
        {
            var response = await client.PostAsync($"/api/complaints/{trackingId}/access-code/recovery", null);
            Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
            return await response.Content.ReadAsStringAsync();
        }
        var answer = await RecoverAsync(withEmail.TrackingId);
        Assert.Equal(answer, await RecoverAsync(withoutContact.TrackingId)); // the same answer with no contact on file
        Assert.Equal(answer, await RecoverAsync("LPR-ZZZZZZZZ")); // and for a report that does not exist
        Assert.DoesNotContain("rina", answer, StringComparison.OrdinalIgnoreCase);

        await Eventually(() => Task.FromResult(_smtp.Messages.Any(m => m.To.Contains("rina.lupa@contoh.id") && m.Body.Contains("Kode akses baru"))),
            "the fresh code reaches the reporter's mailbox", seconds: 60);
        var mail = _smtp.Messages.Single(m => m.Body.Contains("Kode akses baru"));
        var fresh = System.Text.RegularExpressions.Regex.Match(mail.Body, $"{withEmail.TrackingId}: ([0-9A-Z]{{12}})").Groups[1].Value;
        Assert.Equal(12, fresh.Length);
        await Eventually(async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/complaints/{withEmail.TrackingId}");
            request.Headers.Add("X-Access-Code", fresh);
            return (await client.SendAsync(request)).IsSuccessStatusCode;
        }, "the fresh code opens the report");
        using (var old = new HttpRequestMessage(HttpMethod.Get, $"/api/complaints/{withEmail.TrackingId}"))
        {
            old.Headers.Add("X-Access-Code", withEmail.AccessCode);
            Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.SendAsync(old)).StatusCode); // the old one stopped
        }
        // The code is never stored in clear: not in the notifications table, not in the logs.
        await using (var scope = _lapor.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Lapor.Intake.Persistence.IntakeDbContext>();
            Assert.DoesNotContain(db.Notifications.AsEnumerable(), n => n.Body.Contains(fresh));
        }
        Assert.DoesNotContain(_lapor.Logs, line => line.Contains(fresh));
        Assert.Single(_smtp.Messages, m => m.Body.Contains("Kode akses baru")); // nothing for the report without contact

        // A reporter is not flooded: three a day per report, then 429 whether or not it exists.
        await RecoverAsync(withEmail.TrackingId);
        await RecoverAsync(withEmail.TrackingId);
        Assert.Equal(System.Net.HttpStatusCode.TooManyRequests, (await client.PostAsync($"/api/complaints/{withEmail.TrackingId}/access-code/recovery", null)).StatusCode);
    }

    public async Task DisposeAsync()
    {
        await _lapor.DisposeAsync();
        await _smtp.DisposeAsync();
    }
}
