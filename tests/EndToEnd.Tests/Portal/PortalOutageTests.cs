using System.Net;
using Lapor.EndToEnd.Tests.Infrastructure;
using Lapor.ServiceDefaults.Security;

namespace Lapor.EndToEnd.Tests.Portal;

/// <summary>When the services behind the portal cannot be reached, people get a plain-language page, never a stack trace.</summary>
public sealed class PortalOutageTests
{
    [Fact]
    public async Task An_unreachable_service_gives_a_friendly_503_page_without_internals()
    {
        await using var lapor = new EmbeddedLaporFactory();
        // Nothing listens on the discard port: every API call of the portal fails to connect.
        lapor.Settings["Lapor:Portal:ApiBaseUrl"] = "http://127.0.0.1:9";
        lapor.Settings["Lapor:Portal:Timeout"] = "00:00:02";
        var client = lapor.CreateClient();
        var token = await TestTokens.MintAsync(client, "officer", "35.78.dpupr");

        using var request = new HttpRequestMessage(HttpMethod.Get, "/meja");
        request.Headers.Add("Cookie", $"{PortalSession.Cookie}={token}");
        var response = await client.SendAsync(request);
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Layanan sedang sibuk atau terganggu", page);
        Assert.DoesNotContain("Exception", page);
        Assert.DoesNotContain("127.0.0.1", page);
    }
}
