using System.Net.Http.Headers;
using Lapor.Portal.Text;
using Lapor.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http;

namespace Lapor.Portal.Api;

/// <summary>
/// Makes the portal's calls speak for the person using it: the staff session's token as the bearer token,
/// the visitor's language as <c>Accept-Language</c>, and the browser's address as <c>X-Forwarded-For</c> so per-address limits count citizens, not the portal.
/// </summary>
public sealed class CallerForwardingHandler(IHttpContextAccessor accessor) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (accessor.HttpContext is { } http)
        {
            if (http.Request.Cookies[PortalSession.Cookie] is { Length: > 0 } token)
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            // The services answer problems in the language the visitor reads the portal in.
            request.Headers.AcceptLanguage.ParseAdd(http.Request.Cookies[PortalText.Cookie] == "en" ? "en" : "id");
            if (http.Connection.RemoteIpAddress is { } address)
                request.Headers.TryAddWithoutValidation("X-Forwarded-For", address.ToString());
        }
        return base.SendAsync(request, cancellationToken);
    }
}
