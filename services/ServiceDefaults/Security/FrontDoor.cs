using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.ServiceDefaults.Security;

/// <summary>
/// Abuse limits and hygiene at the public front door (the gateway, or the embedded host), all configurable under
/// <c>Lapor:RateLimits</c> and <c>Lapor:Cors</c>:
/// filing (new reports, JSON and Open311) per client address (<c>FilingPerMinute</c>, 10); a citizen's follow-up on one
/// report (replies, ratings, reopening, attachments) per report (<c>FollowUpPerMinute</c>, 20), so citizens behind one
/// carrier address (CGNAT) do not share it and following up never uses up the filing limit; every authenticated caller
/// per token (<c>PerTokenPerMinute</c>, 600); and a global cap on requests in flight (<c>ConcurrentRequests</c>, 1000,
/// as many again may queue). Rejections are 429 problem details with Retry-After. Browsers on other origins may call
/// the API only from <c>Lapor:Cors:Origins</c>. Kestrel's header and body limits are tightened: 16 KB of headers,
/// 1 MB bodies unless a route allows more, 15 s to send the headers.
/// </summary>
public static class FrontDoor
{
    public const int MaxHeaderBytes = 16 * 1024, MaxBodyBytes = 1024 * 1024;

    public static WebApplicationBuilder AddLaporFrontDoor(this WebApplicationBuilder builder)
    {
        var limits = builder.Configuration.GetSection("Lapor:RateLimits");
        var filingPerMinute = limits.GetValue("FilingPerMinute", 10);
        var followUpPerMinute = limits.GetValue("FollowUpPerMinute", 20);
        var perTokenPerMinute = limits.GetValue("PerTokenPerMinute", 600);
        var concurrent = limits.GetValue("ConcurrentRequests", 1000);

        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(http => IsFiling(http.Request)
                    ? RateLimitPartition.GetFixedWindowLimiter("ip:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown"), _ => PerMinute(filingPerMinute))
                    : FollowedUpReport(http.Request) is { } report
                        ? RateLimitPartition.GetFixedWindowLimiter("report:" + report, _ => PerMinute(followUpPerMinute))
                        : RateLimitPartition.GetNoLimiter("")),
                PartitionedRateLimiter.Create<HttpContext, string>(http => http.User.FindFirst("sub")?.Value is { } subject
                    ? RateLimitPartition.GetFixedWindowLimiter("token:" + subject, _ => PerMinute(perTokenPerMinute))
                    : RateLimitPartition.GetNoLimiter("")),
                PartitionedRateLimiter.Create<HttpContext, string>(_ => RateLimitPartition.GetConcurrencyLimiter("all", _ =>
                    new ConcurrencyLimiterOptions { PermitLimit = concurrent, QueueLimit = concurrent, QueueProcessingOrder = QueueProcessingOrder.OldestFirst })));
            options.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? (int)Math.Ceiling(wait.TotalSeconds) : 1;
                context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, retryAfter).ToString(System.Globalization.CultureInfo.InvariantCulture);
                await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails = { Status = 429, Title = "Too many requests", Detail = $"Too many requests. Try again in {retryAfter} seconds." },
                });
            };
        });

        var origins = (builder.Configuration["Lapor:Cors:Origins"] ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        builder.Services.AddCors(options => options.AddDefaultPolicy(policy => policy.WithOrigins(origins)
            .WithMethods("GET", "POST")
            .WithHeaders("Content-Type", "Authorization", "Accept-Language", "Idempotency-Key", "X-Access-Code", "X-Supporter-Id", "X-Lapor-Channel")
            .WithExposedHeaders(ResponseHygiene.TraceIdHeader, "Retry-After")));

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestHeadersTotalSize = MaxHeaderBytes;
            kestrel.Limits.MaxRequestBodySize = MaxBodyBytes;
            kestrel.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(15);
        });
        return builder;
    }

    /// <summary>CORS then the limits; after authentication, so a token's own limit knows whose token it is.</summary>
    public static WebApplication UseLaporFrontDoor(this WebApplication app)
    {
        app.UseCors();
        app.UseRateLimiter();
        return app;
    }

    private static FixedWindowRateLimiterOptions PerMinute(int permits) =>
        new() { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 };

    private static bool IsFiling(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && (request.Path.Value?.TrimEnd('/').Equals("/api/complaints", StringComparison.OrdinalIgnoreCase) == true || request.Path.StartsWithSegments("/open311"));

    /// <summary>The tracking id of <c>POST /api/complaints/{trackingId}/{action}</c>, a citizen's follow-up; supports are counted per supporter.</summary>
    private static string? FollowedUpReport(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && request.Path.StartsWithSegments("/api/complaints", out var rest)
        && rest.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries) is [var trackingId, var action, ..] && action != "support"
            ? trackingId.ToUpperInvariant()[..Math.Min(trackingId.Length, 32)]
            : null;
}
