using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.ServiceDefaults.Security;

/// <summary>
/// Abuse limits at the public front door (the gateway, or the embedded host): filing is limited per client
/// address (<c>Lapor:RateLimits:FilingPerMinute</c>, default 10), so one sender cannot flood the channel,
/// while reading and tracking stay unthrottled. Rejections are 429 problem details with Retry-After.
/// </summary>
public static class RateLimitExtensions
{
    public static WebApplicationBuilder AddLaporRateLimits(this WebApplicationBuilder builder)
    {
        var perMinute = builder.Configuration.GetValue("Lapor:RateLimits:FilingPerMinute", 10);
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                IsFiling(http.Request)
                    ? RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter("unlimited"));
            options.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails = { Status = 429, Title = "Too many reports", Detail = "Too many reports from this address. Try again in a minute." },
                });
            };
        });
        return builder;
    }

    private static bool IsFiling(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && (request.Path.StartsWithSegments("/api/complaints") || request.Path.StartsWithSegments("/open311"));
}
