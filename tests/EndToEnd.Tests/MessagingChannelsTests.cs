using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lapor.Contracts;
using Lapor.Intake.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Lapor.EndToEnd.Tests.Infrastructure.SkeletonFlow;

namespace Lapor.EndToEnd.Tests;

/// <summary>An operator's SMS gateway turns "LAPOR ..." messages into reports and sends back the tracking id.</summary>
public sealed class MessagingChannelsTests : IClassFixture<EmbeddedLaporFactory>
{
    private const string Secret = "test-channel-secret-0123456789";
    private readonly EmbeddedLaporFactory _lapor;

    public MessagingChannelsTests(EmbeddedLaporFactory lapor)
    {
        _lapor = lapor;
        _lapor.Settings["Lapor:Channels:Secret"] = Secret;
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(string channel, object message, string secret = Secret)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/channels/{channel}") { Content = JsonContent.Create(message) };
        request.Headers.Add("X-Lapor-Channel-Secret", secret);
        var response = await _lapor.CreateClient().SendAsync(request);
        return (response.StatusCode, response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<JsonElement>() : default);
    }

    [Fact]
    public async Task An_sms_report_is_filed_once_and_the_reply_carries_its_tracking_id_and_access_code()
    {
        var sms = new { from = "+6281234567890", text = "lapor 35.78 Jalan berlubang besar di depan Pasar Wonokromo, motor sering jatuh. Mohon diperbaiki.", messageId = "sms-001" };
        var (status, first) = await SendAsync("sms", sms);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(first.GetProperty("accepted").GetBoolean());
        var trackingId = first.GetProperty("trackingId").GetString()!;
        var reply = first.GetProperty("reply").GetString()!;
        Assert.Contains(trackingId, reply);

        var (_, again) = await SendAsync("sms", sms); // the gateway redelivers
        Assert.Equal(trackingId, again.GetProperty("trackingId").GetString());

        await using var scope = _lapor.Services.CreateAsyncScope();
        var intake = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var filed = await intake.Complaints.Where(c => c.TrackingId == trackingId).ToListAsync();
        Assert.Equal(Channel.Sms, Assert.Single(filed).Channel);
        Assert.Equal("35.78", filed[0].Region);

        var accessCode = System.Text.RegularExpressions.Regex.Match(reply, "kode akses: ([A-Z0-9]+)").Groups[1].Value;
        var tracked = await TrackAsync(_lapor.CreateClient(), new Receipt(trackingId, accessCode, "belum_terverifikasi"));
        Assert.StartsWith("Jalan berlubang besar di depan Pasar Wonokromo", tracked.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_message_that_is_not_a_report_gets_the_format_back_and_a_wrong_secret_nothing()
    {
        var (status, body) = await SendAsync("social", new { from = "@warga", text = "halo admin" });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(body.GetProperty("accepted").GetBoolean());
        Assert.Contains("Format: LAPOR", body.GetProperty("reply").GetString());

        var (_, tooShort) = await SendAsync("sms", new { from = "+6281234567890", text = "LAPOR jalan rusak" });
        Assert.False(tooShort.GetProperty("accepted").GetBoolean());
        Assert.StartsWith("Laporan belum dapat diterima", tooShort.GetProperty("reply").GetString());

        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync("sms", new { from = "+628123", text = "LAPOR jalan rusak parah di depan rumah saya" }, secret: "wrong")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync("fax", new { from = "x", text = "LAPOR jalan rusak" })).Status);
    }
}
