using System.Net.Http.Json;
using Lapor.EndToEnd.Tests.Infrastructure;
using static Lapor.EndToEnd.Tests.Infrastructure.SkeletonFlow;

namespace Lapor.EndToEnd.Tests;

/// <summary>Reporters hear by e-mail, through a real SMTP conversation, when their report moves; once, and without a rahasia report's words.</summary>
public sealed class NotificationsTests : IAsyncLifetime
{
    private readonly SmtpSink _smtp = new(refuseFirstSessions: 2);
    private readonly EmbeddedLaporFactory _lapor = new();

    public Task InitializeAsync()
    {
        _lapor.Settings["Lapor:Notifications:Smtp:Host"] = "127.0.0.1";
        _lapor.Settings["Lapor:Notifications:Smtp:Port"] = _smtp.Port.ToString();
        _lapor.Settings["Lapor:Notifications:Smtp:From"] = "lapor@lapor.test";
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
        await Eventually(() => Task.FromResult(_smtp.Messages.Count(m => m.To.Contains("rina.terbuka@contoh.id")) == 1
            && _smtp.Messages.Count(m => m.To.Contains("rina.rahasia@contoh.id")) == 1), "both reporters hear that their report was routed", seconds: 60);
        Assert.True(_smtp.Refused >= 2);

        var toOpen = _smtp.Messages.Single(m => m.To.Contains("rina.terbuka@contoh.id"));
        Assert.Contains(open.TrackingId, toOpen.Body);
        Assert.Contains("Jalan berlubang di depan Pasar Wonokromo", toOpen.Body);
        var toSecret = _smtp.Messages.Single(m => m.To.Contains("rina.rahasia@contoh.id"));
        Assert.Contains(secret.TrackingId, toSecret.Body);
        Assert.DoesNotContain("Pasar Wonokromo", toSecret.Body);
        Assert.DoesNotContain("RAHASIA-KATA", toSecret.Body);

        // The agency answers the confidential report: one more mail, without the answer's words.
        var officer = await client.AsAsync(_lapor.CreateClient, "officer", RoadAgency);
        await Eventually(() => InInboxAsync(officer, secret.TrackingId), "the report reaches the inbox");
        Assert.True((await officer.PostAsJsonAsync($"/api/desk/complaints/{secret.TrackingId}/respond",
            new { text = "Tim kami meninjau lokasi di Wonokromo minggu ini." })).IsSuccessStatusCode);
        await Eventually(() => Task.FromResult(_smtp.Messages.Count(m => m.To.Contains("rina.rahasia@contoh.id")) == 2), "the answer is announced");
        Assert.DoesNotContain(_smtp.Messages, m => m.Body.Contains("meninjau lokasi"));

        await Task.Delay(2000); // nothing is sent twice, and a report without contact gets nothing
        Assert.Equal(3, _smtp.Messages.Count);
        Assert.DoesNotContain(_lapor.Logs, line => line.Contains("rina.", StringComparison.OrdinalIgnoreCase));
    }

    public async Task DisposeAsync()
    {
        await _lapor.DisposeAsync();
        await _smtp.DisposeAsync();
    }
}
