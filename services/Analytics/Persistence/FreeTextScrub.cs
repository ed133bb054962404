using System.Linq.Expressions;
using Lapor.Analytics.Domain;
using Lapor.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Analytics.Persistence;

/// <summary>
/// Events kept by a version that stored them whole still hold the citizens' words: drop that text at start-up, in
/// batches. A database kept by this version has none, and the query that finds them answers at once.
/// </summary>
public sealed class FreeTextScrub : ISeeder<AnalyticsDbContext>
{
    public async Task SeedAsync(AnalyticsDbContext db, CancellationToken cancellationToken)
    {
        var lastId = 0L;
        while (true)
        {
            var batch = await db.Events
                .Where(e => e.Id > lastId).Where(HoldsFreeText)
                .OrderBy(e => e.Id).Take(1000).ToListAsync(cancellationToken);
            if (batch.Count == 0) return;
            foreach (var record in batch) record.DropFreeText();
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            lastId = batch[^1].Id;
        }
    }

    /// <summary><c>body LIKE '%"title":%' OR body LIKE '%"text":%' OR …</c>, one term per free-text field.</summary>
    private static readonly Expression<Func<EventRecord, bool>> HoldsFreeText = BodyContainsAny(EventRecord.FreeText.Select(field => $"\"{field}\":"));

    private static Expression<Func<EventRecord, bool>> BodyContainsAny(IEnumerable<string> fragments)
    {
        var record = Expression.Parameter(typeof(EventRecord), "e");
        var body = Expression.Property(record, nameof(EventRecord.Body));
        var contains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
        var any = fragments.Select(f => (Expression)Expression.Call(body, contains, Expression.Constant(f))).Aggregate(Expression.OrElse);
        return Expression.Lambda<Func<EventRecord, bool>>(any, record);
    }
}
