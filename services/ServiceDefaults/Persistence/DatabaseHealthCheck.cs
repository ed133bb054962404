using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Lapor.ServiceDefaults.Persistence;

/// <summary>Ready only when the service's own database answers.</summary>
public sealed class DatabaseHealthCheck<TContext>(TContext db) : IHealthCheck where TContext : ServiceDbContext
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"{typeof(TContext).Name} database is not reachable.");
}
