using Microsoft.Extensions.Diagnostics.HealthChecks;
using Yarp.ReverseProxy;

namespace Lapor.Gateway;

/// <summary>
/// The gateway is ready when every cluster has a destination answering its own /health/ready: Healthy when all of them
/// do, Degraded (still ready) when a cluster has lost some of its replicas but not all — one dead replica must not take
/// the front door out of its load balancer — and Unhealthy when a cluster has none left.
/// </summary>
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
                return (d.Cluster, d.Address, Ready: response.IsSuccessStatusCode);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                return (d.Cluster, d.Address, Ready: false);
            }
        }));
        var down = results.GroupBy(r => r.Cluster).Where(cluster => !cluster.Any(r => r.Ready)).Select(cluster => cluster.Key).ToList();
        var replicasDown = results.Where(r => !r.Ready && !down.Contains(r.Cluster)).Select(r => $"{r.Cluster} ({r.Address})").ToList();
        if (down.Count > 0) return HealthCheckResult.Unhealthy($"Not ready: {string.Join(", ", down)}.");
        return replicasDown.Count > 0 ? HealthCheckResult.Degraded($"Replicas not ready: {string.Join(", ", replicasDown)}.") : HealthCheckResult.Healthy();
    }
}
