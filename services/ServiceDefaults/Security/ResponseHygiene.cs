using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Lapor.ServiceDefaults.Security;

/// <summary>
/// Headers on every response: no MIME sniffing, no framing, no referrer leaking tracking ids to other sites, a
/// Content-Security-Policy that lets the portal load only its own stylesheet and submit only to itself (it has no
/// scripts and no inline styles), and the W3C trace id (<c>X-Trace-Id</c>) so a citizen's support request can be
/// followed through the logs.
/// </summary>
public static class ResponseHygiene
{
    public const string TraceIdHeader = "X-Trace-Id";

    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /// <summary>
    /// The API reference page (Scalar, mapped in Development only at <c>/scalar</c>) runs its own script, bundled in the
    /// package and served from here, and reads <c>/openapi/v1.json</c>: nothing from elsewhere.
    /// </summary>
    public const string ApiReferencePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static IApplicationBuilder UseResponseHygiene(this IApplicationBuilder app) =>
        app.Use((http, next) =>
        {
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers.ContentSecurityPolicy = http.Request.Path.StartsWithSegments("/scalar") ? ApiReferencePolicy : ContentSecurityPolicy;
            if (Activity.Current?.TraceId is { } traceId) headers[TraceIdHeader] = traceId.ToString();
            return next(http);
        });
}
