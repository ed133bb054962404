using Lapor.Analytics.Domain;
using Lapor.Analytics.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.Analytics.Tests;

/// <summary>The service's contexts come from a pool: what one unit of work leaves unsaved must not reach the next.</summary>
public sealed class PooledContextTests : IAsyncLifetime
{
    private readonly AnalyticsHost _host = new(DateTimeOffset.UtcNow);

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Counts_a_failed_unit_of_work_added_are_not_written_by_the_next_one_that_gets_its_context()
    {
        AnalyticsDbContext abandoned;
        await using (var scope = _host.Services.CreateAsyncScope())
        {
            abandoned = scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>();
            abandoned.AddToCells([new DailyFigures { Grain = 0, Day = 1, AgencyId = "pool.test", Sector = "kesehatan", Region = "31", Filed = 1 }], []);
        }

        await using (var scope = _host.Services.CreateAsyncScope())
        {
            var next = scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>();
            Assert.Same(abandoned, next);
            await next.SaveChangesAsync();
        }

        await using (var scope = _host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>();
            Assert.False(await db.Figures.AnyAsync(f => f.AgencyId == "pool.test"));
        }
    }
}
