using System.Net;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Lapor.Portal.Api;

/// <summary>
/// The portal's HTTP policy: a timeout per attempt, a circuit breaker that stops hammering a failing service,
/// and retries only for calls that are safe to repeat — GET, and POST carrying an <c>Idempotency-Key</c>
/// (filing a report). A desk action or a citizen's reply is never sent twice by the portal.
/// </summary>
public sealed class ResilienceHandler(PortalResilience resilience) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var pipeline = IsSafeToRepeat(request) ? resilience.Retried : resilience.Once;
        return await pipeline.ExecuteAsync(async token => await base.SendAsync(request, token), cancellationToken);
    }

    public static bool IsSafeToRepeat(HttpRequestMessage request) =>
        request.Method == HttpMethod.Get || request.Method == HttpMethod.Head
        || (request.Method == HttpMethod.Post && request.Headers.Contains("Idempotency-Key"));
}

/// <summary>The pipelines, built once per host so the circuit breaker's state outlives the pooled handlers.</summary>
public sealed class PortalResilience
{
    public ResiliencePipeline<HttpResponseMessage> Once { get; }
    public ResiliencePipeline<HttpResponseMessage> Retried { get; }

    public PortalResilience(PortalOptions options)
    {
        Once = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = args => ValueTask.FromResult(IsServiceFailure(args.Outcome)),
                FailureRatio = 0.5,
                MinimumThroughput = 8,
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = TimeSpan.FromSeconds(10),
            })
            .AddTimeout(options.Timeout)
            .Build();
        Retried = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is not BrokenCircuitException && IsServiceFailure(args.Outcome)),
                MaxRetryAttempts = 2,
                Delay = TimeSpan.FromMilliseconds(200),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
            })
            .AddPipeline(Once)
            .Build();
    }

    private static bool IsServiceFailure(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is HttpRequestException or TimeoutRejectedException
        || outcome.Result?.StatusCode is >= HttpStatusCode.InternalServerError or HttpStatusCode.RequestTimeout;
}
