using Microsoft.Extensions.Diagnostics.HealthChecks;
using Yarp.ReverseProxy;

namespace Lapor.Gateway;

/// <summary>The gateway is ready only when every destination of every cluster answers its own /health/ready.</summary>
public sealed class DownstreamHealthCheck(IProxyStateLookup proxy, IHttpClientFactory clients) : IHealthCheck
{
    public const string HttpClientName = "downstream-health";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var client = clients.CreateClient(HttpClientName);
        var destinations = proxy.GetClusters()
            .SelectMany(cluster => cluster.Destinations.Select(d => (Cluster: cluster.ClusterId, Address: d.Value.Model.Config.Address)))
            .ToList();
        var results = await Task.WhenAll(destinations.Select(async d =>
        {
            try
            {
                using var response = await client.GetAsync(new Uri(new Uri(d.Address), "/health/ready"), cancellationToken);
                return (d.Cluster, Ready: response.IsSuccessStatusCode);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                return (d.Cluster, Ready: false);
            }
        }));
        var notReady = results.Where(r => !r.Ready).Select(r => r.Cluster).Distinct().ToList();
        return notReady.Count == 0
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"Not ready: {string.Join(", ", notReady)}.");
    }
}
