using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Lapor.EndToEnd.Tests.Infrastructure;
using static Lapor.EndToEnd.Tests.Infrastructure.SkeletonFlow;

namespace Lapor.EndToEnd.Tests;

/// <summary>
/// What an attacker's probe found, kept as a suite: text that is not text, idempotency keys across channels, and requests
/// built to make the host fail. The seeded fuzz run (Reliability/FuzzTests) goes deeper; this goes wide, one class each.
/// </summary>
public sealed class HostileTests : IClassFixture<EmbeddedLaporFactory>
{
    private const string ChannelSecret = "hostile-channel-secret-0123456789";
    private readonly EmbeddedLaporFactory _lapor;

    public HostileTests(EmbeddedLaporFactory lapor)
    {
        _lapor = lapor;
        _lapor.Settings["Lapor:Channels:Secret"] = ChannelSecret;
        _lapor.Settings["Lapor:PublicBaseUrl"] = "https://lapor.example.go.id/";
    }

    private static object Report(string title, string text) => new { type = "aduan", title, text, region = "35.78" };

    [Theory]
    [InlineData("title", "\uFFFF")]
    [InlineData("title", "\uFFFE")]
    [InlineData("text", "\uFDD0")]
    [InlineData("text", "\U0001FFFF")]
    public async Task Text_with_a_noncharacter_is_refused_at_the_door_naming_the_field(string field, string odd)
    {
        var title = "Jalan berlubang di depan pasar" + (field == "title" ? odd : "");
        var text = "Jalan di depan pasar rusak berlubang besar sejak sebulan, mohon diperbaiki." + (field == "text" ? odd : "");
        var response = await _lapor.CreateClient().PostAsJsonAsync("/api/complaints", Report(title, text));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Direction_overrides_and_zero_width_characters_are_removed_before_an_officer_reads_the_title()
    {
        var client = _lapor.CreateClient();
        var receipt = await FileAsync(client, Report("Jalan \u202Eharusak\u202C di\u200B depan\u2066 pasar\u2069",
            "Jalan di depan pasar rusak\u200D berlubang besar sejak sebulan, mohon diperbaiki."));

        Assert.Equal("Jalan harusak di depan pasar", (await TrackAsync(client, receipt)).GetProperty("title").GetString());
    }

    private async Task<HttpResponseMessage> SmsAsync(string messageId, string text = "LAPOR 35.78 Jalan berlubang di depan Pasar Wonokromo, mohon diperbaiki.")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/channels/sms")
        {
            Content = JsonContent.Create(new { from = "081234567890", text, messageId }),
        };
        request.Headers.Add("X-Lapor-Channel-Secret", ChannelSecret);
        return await _lapor.CreateClient().SendAsync(request);
    }

    [Fact]
    public async Task An_sms_message_id_can_neither_be_replayed_nor_taken_first_through_the_public_api()
    {
        var sms = await (await SmsAsync("gw-1001")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(sms.GetProperty("accepted").GetBoolean());

        // The same body the SMS channel built, with the key it used, through the public API: a new report, never the SMS
        // reporter's receipt and access code.
        var text = "Jalan berlubang di depan Pasar Wonokromo, mohon diperbaiki.";
        foreach (var key in new[] { "sms:gw-1001", "gw-1001" })
        {
            using var replay = new HttpRequestMessage(HttpMethod.Post, "/api/complaints")
            {
                Content = JsonContent.Create(new { type = "aduan", title = text, text, region = "35.78", anonymous = false, confidential = false,
                    contact = new { phone = "081234567890" } }),
            };
            replay.Headers.Add("Idempotency-Key", key);
            var answer = await _lapor.CreateClient().SendAsync(replay);
            Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
            Assert.NotEqual(sms.GetProperty("trackingId").GetString(), (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trackingId").GetString());
        }

        // A key taken first through the API does not block the real message that later arrives with it.
        using var first = new HttpRequestMessage(HttpMethod.Post, "/api/complaints")
        {
            Content = JsonContent.Create(Report("Lampu jalan mati di Jalan Darmo", "Lampu jalan mati sudah dua minggu di Jalan Darmo, gelap dan rawan.")),
        };
        first.Headers.Add("Idempotency-Key", "gw-1002");
        Assert.Equal(HttpStatusCode.Created, (await _lapor.CreateClient().SendAsync(first)).StatusCode);
        var real = await (await SmsAsync("gw-1002")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(real.GetProperty("accepted").GetBoolean());
    }

    public static TheoryData<string, string, string?, string?> Probes() => new()
    {
        // method, path, body, content type
        { "POST", "/api/complaints", "{\"type\":\"aduan\"}", "application/json; charset=utf-7" },
        { "POST", "/open311/v2/requests.json", "api_key=x&service_code=infrastruktur", "application/x-www-form-urlencoded; charset=utf-7" },
        { "POST", "/lapor", "Title=x", "application/x-www-form-urlencoded; charset=utf-7" },
        { "GET", "/open311/v2/requests.json?start_date=9999-12-31", null, null },
        { "GET", "/open311/v2/requests.json?end_date=0001-01-01", null, null },
        { "GET", "/open311/v2/requests.json?start_date=0001-01-01&end_date=9999-12-31T23:59:59", null, null },
        { "GET", "/open311/v2/requests.xml?start_date=9999-12-31T23:59:59-12:00", null, null },
        { "GET", "/bahasa?ke=en&kembali=%2Flacak%0D%0ASet-Cookie:%20x=1", null, null },
        { "GET", "/bahasa?ke=en&kembali=%0A", null, null },
        { "POST", "/api/complaints/LPR-00000000/attachments", "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.jpg\"\r\n\r\nabc", "multipart/form-data; boundary=b" },
        { "POST", "/api/complaints/LPR-00000000/attachments", "abc", "multipart/form-data" },
    };

    [Theory]
    [MemberData(nameof(Probes))]
    public async Task A_hostile_request_gets_an_answer_never_a_server_error(string method, string path, string? body, string? contentType)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }
        var response = await _lapor.CreateClient().SendAsync(request);
        Assert.True((int)response.StatusCode < 500, $"{method} {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task Analytics_dates_at_the_ends_of_the_calendar_are_answered_not_failed()
    {
        var oversight = await _lapor.CreateClient().AsAsync(_lapor.CreateClient, "oversight");
        foreach (var query in new[] { "from=0001-01-01", "to=9999-12-31", "from=0001-01-01&to=9999-12-31", "from=9999-12-31&to=9999-12-31" })
            foreach (var endpoint in new[] { "summary", "agencies", "sectors", "regions", "provinces", "timeseries", "hotspots" })
            {
                var response = await oversight.GetAsync($"/api/analytics/{endpoint}?{query}");
                Assert.True((int)response.StatusCode < 500, $"{endpoint}?{query} answered {(int)response.StatusCode}");
            }
    }

    [Fact]
    public async Task Open311_discovery_names_the_configured_address_whatever_the_Host_header_says()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/open311/v2/discovery.json");
        request.Headers.Host = "phishing.example";
        var body = await (await _lapor.CreateClient().SendAsync(request)).Content.ReadAsStringAsync();

        Assert.DoesNotContain("phishing", body);
        Assert.Contains("\"url\":\"https://lapor.example.go.id/open311/v2\"", body);
    }

    [Fact]
    public async Task An_expired_token_is_refused_within_seconds_not_minutes()
    {
        var token = TestTokens.Create("oversight", null, expires: DateTime.UtcNow.AddSeconds(-40));
        var client = _lapor.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/analytics/summary")).StatusCode);
    }
}
