using Lapor.Analytics.Domain;
using System.Text.Json;
using Lapor.Analytics.Persistence;
using Lapor.Contracts;
using Lapor.ServiceDefaults;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Analytics.Persistence;

public sealed record RebuildResult(int Events, int Reports);

/// <summary>Projects events onto the read models, one at a time as they arrive or all again from the kept events.</summary>
public static class Projection
{
    /// <summary>
    /// Keeps the event, applies it to its report's fact row and adds the change in the report's contribution to the
    /// cells; everything is written by the caller's next SaveChanges, in one transaction.
    /// </summary>
    public static async Task ApplyAsync(AnalyticsDbContext db, Guid messageId, IComplaintEvent e, CancellationToken cancellationToken)
    {
        db.Events.Add(EventRecord.From(messageId, e));
        var fact = await db.FindLoadedAsync<ComplaintFact, Guid>(e.ComplaintId, cancellationToken);
        if (fact is null) db.Complaints.Add(fact = ComplaintFact.For(e.ComplaintId));
        var before = FactCells.Of(fact);
        fact.Apply(e);
        var after = FactCells.Of(fact);
        db.AddToCells(CellWriter.Difference(before.Figures, after.Figures), CellWriter.Difference(before.Details, after.Details));
        if (AgencyHolding.AgencyOf(e) is { } agency)
        {
            var holding = await db.FindLoadedAsync<AgencyHolding>(e.ComplaintId, [e.ComplaintId, agency], cancellationToken);
            if (holding is null) db.Holdings.Add(holding = AgencyHolding.For(e.ComplaintId, agency));
            holding.Apply(e);
        }
    }

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
        await db.Holdings.ExecuteDeleteAsync(cancellationToken);
        var facts = new Dictionary<Guid, ComplaintFact>();
        var holdings = new Dictionary<(Guid, string), AgencyHolding>();
        var events = 0;
        await foreach (var record in db.Events.AsNoTracking().OrderBy(e => e.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var e = Deserialize(record);
            if (!facts.TryGetValue(e.ComplaintId, out var fact)) facts[e.ComplaintId] = fact = ComplaintFact.For(e.ComplaintId);
            fact.Apply(e);
            if (AgencyHolding.AgencyOf(e) is { } agency)
            {
                if (!holdings.TryGetValue((e.ComplaintId, agency), out var holding)) holdings[(e.ComplaintId, agency)] = holding = AgencyHolding.For(e.ComplaintId, agency);
                holding.Apply(e);
            }
            events++;
        }

        foreach (var chunk in facts.Values.Chunk(5000))
        {
            db.Complaints.AddRange(chunk);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
        foreach (var chunk in holdings.Values.Chunk(5000))
        {
            db.Holdings.AddRange(chunk);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
        // Streamed: only the distinct cells are held, not every report's contribution.
        await CellWriter.AddAsync(db, CellWriter.Sum(facts.Values.SelectMany(f => FactCells.Of(f).Figures)), cancellationToken);
        await CellWriter.AddAsync(db, CellWriter.Sum(facts.Values.SelectMany(f => FactCells.Of(f).Details)), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new RebuildResult(events, facts.Count);
    }

    private static IComplaintEvent Deserialize(EventRecord record)
    {
        var type = typeof(IComplaintEvent).Assembly.GetType($"{typeof(IComplaintEvent).Namespace}.{record.EventType}")!;
        return (IComplaintEvent)JsonSerializer.Deserialize(record.Body, type, LaporJson.Options)!;
    }
}
