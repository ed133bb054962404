using Lapor.Triage.Domain.Classification;
using Lapor.Triage.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Triage.Domain;

/// <summary>
/// The router in use: the agency directory and a classifier trained on the seed examples, the corrections
/// people made, and the directory's remits. Built on first use and rebuilt on demand (<see cref="Invalidate"/>).
/// </summary>
public sealed class TriageModel(ILogger<TriageModel> logger)
{
    private readonly SemaphoreSlim _building = new(1, 1);
    private volatile Router? _router;

    public async Task<Router> GetRouterAsync(TriageDbContext db, CancellationToken cancellationToken)
    {
        if (_router is { } ready) return ready;
        await _building.WaitAsync(cancellationToken);
        try
        {
            if (_router is { } built) return built;
            var agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.Id).ToListAsync(cancellationToken);
            var corrections = await db.Corrections.AsNoTracking().OrderBy(c => c.Id).ToListAsync(cancellationToken);
            var examples = TrainingSet.Seed().Concat(corrections.Select(c => c.ToExample())).ToList();
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var classifier = ComplaintClassifier.Train(examples, agencies);
            logger.LogInformation("Triage classifier trained on {Examples} reports and {Agencies} agency remits in {Elapsed} ms.",
                examples.Count, agencies.Count, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return _router = new Router(agencies, classifier);
        }
        finally
        {
            _building.Release();
        }
    }

    public void Invalidate() => _router = null;
}
