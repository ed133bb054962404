using System.Net.Http.Json;
using System.Text.Json;
using Lapor.EndToEnd.Tests.Infrastructure;
using static Lapor.EndToEnd.Tests.Infrastructure.SkeletonFlow;

namespace Lapor.EndToEnd.Tests;

/// <summary>A reporter who left a phone number hears by SMS, through the operator's gateway on a real port, when their report moves.</summary>
public sealed class SmsNotificationsTests : IAsyncLifetime
{
    private const string Secret = "test-channel-secret-0123456789";
    private readonly SmsGatewaySink _gateway = new(refuseFirst: 2);
    private readonly EmbeddedLaporFactory _lapor = new();

    public async Task InitializeAsync()
    {
        await _gateway.StartAsync();
        _lapor.Settings["Lapor:Channels:Secret"] = Secret;
        _lapor.Settings["Lapor:Notifications:Sms:Url"] = _gateway.Url;
    }

    [Fact]
    public async Task A_report_filed_by_sms_is_answered_by_sms_once_per_step_even_when_the_gateway_first_refuses()
    {
        var inbound = new HttpRequestMessage(HttpMethod.Post, "/api/channels/sms")
        {
            Content = JsonContent.Create(new { from = "+6281299990001", text = "LAPOR 35.78 Jalan berlubang besar di depan Pasar Wonokromo, motor sering jatuh.", messageId = "in-1" }),
        };
        inbound.Headers.Add("X-Lapor-Channel-Secret", Secret);
        var reply = await (await _lapor.CreateClient().SendAsync(inbound)).Content.ReadFromJsonAsync<JsonElement>();
        var trackingId = reply.GetProperty("trackingId").GetString()!;
        var confidential = await FileAsync(_lapor.CreateClient(), new
        {
            type = "aduan", title = "Pungutan liar di kantor kelurahan", region = "35.78", confidential = true,
            text = "Petugas meminta uang RAHASIA-KATA untuk surat pengantar di kantor kelurahan.", contact = new { phone = "081299990002" },
        });

        // The gateway refuses the first two posts (503): those messages wait and go out later, none lost.
        await Eventually(() => Task.FromResult(_gateway.Messages.Count(m => m.To == "+6281299990001") == 1
            && _gateway.Messages.Count(m => m.To == "081299990002") == 2), "both reporters get an SMS that their report was routed (and the API's reporter one that it was taken)", seconds: 60);
        Assert.Equal(2, _gateway.Refused);
        var routed = _gateway.Messages.Single(m => m.To == "+6281299990001");
        Assert.Contains(trackingId, routed.Text);
        Assert.Contains("diteruskan ke", routed.Text);
        Assert.True(routed.Text.Length <= 160, routed.Text);
        Assert.Equal(Secret, routed.Secret);
        Assert.All(_gateway.Messages.Where(m => m.To == "081299990002"), secret =>
        {
            Assert.Contains(confidential.TrackingId, secret.Text);
            Assert.DoesNotContain("RAHASIA-KATA", secret.Text);
            Assert.DoesNotContain("Pungutan", secret.Text);
            Assert.DoesNotContain(confidential.AccessCode, secret.Text);
            Assert.True(secret.Text.Length <= 160, secret.Text);
        });
        Assert.Single(_gateway.Messages, m => m.To == "081299990002" && m.Text.Contains("diterima"));

        await Task.Delay(2000); // nothing goes out twice
        Assert.Equal(3, _gateway.Messages.Count);
        Assert.Equal(3, _gateway.Messages.Select(m => m.Reference).Distinct().Count());
        Assert.DoesNotContain(_lapor.Logs, line => line.Contains("81299990001") || line.Contains("81299990002"));
    }

    public async Task DisposeAsync()
    {
        await _lapor.DisposeAsync();
        await _gateway.DisposeAsync();
    }
}
