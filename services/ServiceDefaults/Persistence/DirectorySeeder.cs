using System.Linq.Expressions;
using Lapor.Contracts;
using Lapor.Contracts.Reference;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.ServiceDefaults.Persistence;

/// <summary>
/// A service's own copy of the agency directory starts from the national reference in the contracts
/// (<see cref="AgencyDirectory"/>): only missing ids are added, so names a newer <see cref="AgencyChanged"/> gave stay.
/// </summary>
public sealed class DirectorySeeder<TContext, TAgency>(TimeProvider clock, Func<TContext, DbSet<TAgency>> agencies,
    Expression<Func<TAgency, string>> id, Func<AgencyChanged, TAgency> from) : ISeeder<TContext>
    where TContext : ServiceDbContext
    where TAgency : class
{
    public async Task SeedAsync(TContext db, CancellationToken cancellationToken)
    {
        var existing = await agencies(db).Select(id).ToHashSetAsync(cancellationToken);
        var now = clock.GetUtcNow();
        // Thousands of new rows on a fresh database: nothing to compare them with, so no change detection.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        agencies(db).AddRange(AgencyDirectory.All.Where(e => !existing.Contains(e.Id)).Select(e => from(e.AsSeed(now))));
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = true;
    }
}

public static class DirectorySeederExtensions
{
    /// <summary>Seeds the service's directory table from the national reference at start (see <see cref="DirectorySeeder{TContext, TAgency}"/>).</summary>
    public static IServiceCollection AddDirectorySeeder<TContext, TAgency>(this IServiceCollection services, Func<TContext, DbSet<TAgency>> agencies,
        Expression<Func<TAgency, string>> id, Func<AgencyChanged, TAgency> from)
        where TContext : ServiceDbContext
        where TAgency : class =>
        services.AddScoped<ISeeder<TContext>>(provider => new DirectorySeeder<TContext, TAgency>(provider.GetRequiredService<TimeProvider>(), agencies, id, from));
}
