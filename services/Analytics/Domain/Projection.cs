using System.Text.Json;
using Lapor.Analytics.Persistence;
using Lapor.Contracts;
using Lapor.ServiceDefaults;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Analytics.Domain;

public sealed record RebuildResult(int Events, int Reports);

/// <summary>Rebuilds the read models from the kept events, in the order they were consumed.</summary>
public static class Projection
{
    public static Task<RebuildResult> RebuildAsync(AnalyticsDbContext db, CancellationToken cancellationToken) =>
        // The retrying execution strategy (PostgreSQL) runs a user transaction only as one retriable unit.
        db.Database.CreateExecutionStrategy().ExecuteAsync(() => RebuildOnceAsync(db, cancellationToken));

    private static async Task<RebuildResult> RebuildOnceAsync(AnalyticsDbContext db, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Complaints.ExecuteDeleteAsync(cancellationToken);
        await db.Figures.ExecuteDeleteAsync(cancellationToken);
        await db.Details.ExecuteDeleteAsync(cancellationToken);
        var facts = new Dictionary<Guid, ComplaintFact>();
        var events = 0;
        await foreach (var record in db.Events.AsNoTracking().OrderBy(e => e.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var e = Deserialize(record);
            if (!facts.TryGetValue(e.ComplaintId, out var fact)) facts[e.ComplaintId] = fact = ComplaintFact.For(e.ComplaintId);
            fact.Apply(e);
            events++;
        }

        foreach (var chunk in facts.Values.Chunk(5000))
        {
            db.Complaints.AddRange(chunk);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
        var cells = facts.Values.Select(FactCells.Of).ToList();
        await CellWriter.AddAsync(db, CellWriter.Sum(cells.Where(c => c.Figures is not null).Select(c => c.Figures!)), cancellationToken);
        await CellWriter.AddAsync(db, CellWriter.Sum(cells.SelectMany(c => c.Details)), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new RebuildResult(events, facts.Count);
    }

    private static IComplaintEvent Deserialize(EventRecord record)
    {
        var type = typeof(IComplaintEvent).Assembly.GetType($"{typeof(IComplaintEvent).Namespace}.{record.EventType}")!;
        return (IComplaintEvent)JsonSerializer.Deserialize(record.Body, type, LaporJson.Options)!;
    }
}
