using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Lapor.Portal.Api;

/// <summary>
/// The portal's HTTP policy on its typed clients, with Microsoft.Extensions.Http.Resilience: a timeout per attempt, a
/// circuit breaker that stops hammering a failing service, and retries only for calls that are safe to repeat — GET,
/// and POST carrying an <c>Idempotency-Key</c> (filing a report). A desk action or a citizen's reply is never sent
/// twice by the portal. The pipeline lives in the resilience registry per client, so the breaker's state outlives the
/// pooled handlers.
/// </summary>
public static class PortalResilience
{
    public const string PipelineName = "portal";

    public static IHttpClientBuilder AddPortalResilience(this IHttpClientBuilder client)
    {
        client.AddResilienceHandler(PipelineName, (pipeline, context) => Configure(pipeline, context.ServiceProvider.GetRequiredService<PortalOptions>()));
        return client;
    }

    private static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, PortalOptions options) => pipeline
        .AddRetry(new HttpRetryStrategyOptions
        {
            ShouldHandle = args => ValueTask.FromResult(args.Context.GetRequestMessage() is { } request && IsSafeToRepeat(request)
                && args.Outcome.Exception is not BrokenCircuitException && IsServiceFailure(args.Outcome)),
            MaxRetryAttempts = 2,
            Delay = TimeSpan.FromMilliseconds(200),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
        })
        .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            ShouldHandle = args => ValueTask.FromResult(IsServiceFailure(args.Outcome)),
            FailureRatio = 0.5,
            MinimumThroughput = 8,
            SamplingDuration = TimeSpan.FromSeconds(30),
            BreakDuration = TimeSpan.FromSeconds(10),
        })
        .AddTimeout(options.Timeout);

    public static bool IsSafeToRepeat(HttpRequestMessage request) =>
        request.Method == HttpMethod.Get || request.Method == HttpMethod.Head
        || (request.Method == HttpMethod.Post && request.Headers.Contains("Idempotency-Key"));

    private static bool IsServiceFailure(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is HttpRequestException or TimeoutRejectedException
        || outcome.Result?.StatusCode is >= HttpStatusCode.InternalServerError or HttpStatusCode.RequestTimeout;
}
