using System.Net;
using Lapor.Portal;
using Lapor.Portal.Api;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.EndToEnd.Tests.Portal;

/// <summary>The portal retries only what is safe to repeat, and stops calling a service that keeps failing.</summary>
public sealed class ResilienceTests
{
    private sealed class FailingService(HttpStatusCode status) : HttpMessageHandler
    {
        public int Calls;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Calls);
            return Task.FromResult(new HttpResponseMessage(status));
        }
    }

    /// <summary>A client with the portal's own resilience registration, in front of a service that always fails.</summary>
    private static (HttpClient Client, FailingService Service) Portal(HttpStatusCode status = HttpStatusCode.ServiceUnavailable)
    {
        var service = new FailingService(status);
        var services = new ServiceCollection().AddLogging().AddSingleton(new PortalOptions());
        services.AddHttpClient("portal", client => client.BaseAddress = new Uri("http://lapor.test"))
            .ConfigurePrimaryHttpMessageHandler(() => service)
            .AddPortalResilience();
        return (services.BuildServiceProvider().GetRequiredService<IHttpClientFactory>().CreateClient("portal"), service);
    }

    [Fact]
    public async Task A_failing_GET_is_tried_three_times()
    {
        var (client, service) = Portal();
        var response = await client.GetAsync("/api/desk/inbox");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(3, service.Calls);
    }

    [Fact]
    public async Task A_POST_without_an_idempotency_key_is_sent_once_and_one_with_a_key_is_retried()
    {
        var (client, service) = Portal();
        await client.PostAsync("/api/desk/complaints/LPR-00000000/respond", new StringContent("{}"));
        Assert.Equal(1, service.Calls);

        using var filing = new HttpRequestMessage(HttpMethod.Post, "/api/complaints") { Content = new StringContent("{}") };
        filing.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        await client.SendAsync(filing);
        Assert.Equal(4, service.Calls);
    }

    [Fact]
    public async Task A_client_error_is_not_retried()
    {
        var (client, service) = Portal(HttpStatusCode.UnprocessableEntity);
        await client.GetAsync("/api/desk/inbox?status=bogus");
        Assert.Equal(1, service.Calls);
    }

    [Fact]
    public async Task After_repeated_failures_the_circuit_opens_and_calls_stop_reaching_the_service()
    {
        var (client, service) = Portal();
        var opened = false;
        for (var i = 0; i < 10 && !opened; i++)
        {
            try { await client.GetAsync("/api/analytics/summary"); }
            catch (Polly.CircuitBreaker.BrokenCircuitException) { opened = true; }
        }
        Assert.True(opened, "the circuit opens after repeated failures");
        Assert.InRange(service.Calls, 8, 12); // at least the breaker's minimum throughput, not every call

        var before = service.Calls;
        await Assert.ThrowsAsync<Polly.CircuitBreaker.BrokenCircuitException>(() => client.GetAsync("/api/analytics/summary"));
        Assert.Equal(before, service.Calls);
    }
}
