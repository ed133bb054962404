using Lapor.Triage.Domain;
using Lapor.Triage.Domain.Classification;
using Lapor.Triage.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Triage.Workers;

/// <summary>
/// The router in use: the agency directory and a classifier trained on the seed examples, the corrections
/// people made, and the directory's remits. Built on first use, rebuilt on demand (<see cref="Invalidate"/>), and
/// rebuilt when the directory or the corrections changed since (<see cref="RefreshIfChangedAsync"/>), which is how
/// every replica picks up what a verifier did on another.
/// </summary>
public sealed class TriageModel(ILogger<TriageModel> logger)
{
    private readonly SemaphoreSlim _building = new(1, 1);
    private volatile Router? _router;
    private Fingerprint? _builtFrom;

    /// <summary>What the model was trained from, in four numbers: any edit or new correction changes one of them.</summary>
    private sealed record Fingerprint(int Agencies, long AgencyVersions, int Corrections, long LastCorrection);

    private static async Task<Fingerprint> FingerprintAsync(TriageDbContext db, CancellationToken cancellationToken) => new(
        await db.Agencies.CountAsync(cancellationToken),
        await db.Agencies.SumAsync(a => (long)a.Version, cancellationToken),
        await db.Corrections.CountAsync(cancellationToken),
        await db.Corrections.MaxAsync(c => (long?)c.Id, cancellationToken) ?? 0);

    /// <summary>Rebuilds the router if the directory or the corrections changed since it was built; true when it did.</summary>
    public async Task<bool> RefreshIfChangedAsync(TriageDbContext db, CancellationToken cancellationToken)
    {
        if (_router is null || _builtFrom == await FingerprintAsync(db, cancellationToken)) return false;
        Invalidate();
        await GetRouterAsync(db, cancellationToken);
        return true;
    }

    public async Task<Router> GetRouterAsync(TriageDbContext db, CancellationToken cancellationToken)
    {
        if (_router is { } ready) return ready;
        await _building.WaitAsync(cancellationToken);
        try
        {
            if (_router is { } built) return built;
            // Taken before reading, so a change made while training is seen by the next refresh.
            _builtFrom = await FingerprintAsync(db, cancellationToken);
            var agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.Id).ToListAsync(cancellationToken);
            var corrections = await db.Corrections.AsNoTracking().OrderBy(c => c.Id).ToListAsync(cancellationToken);
            // A report corrected twice (a verifier's route, then an agency's forward) teaches its latest route only.
            var latest = corrections.GroupBy(c => c.ComplaintId).Select(g => g.Last());
            var examples = TrainingSet.Seed().Concat(latest.Select(c => c.ToExample())).ToList();
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var classifier = ComplaintClassifier.Train(examples, agencies);
            logger.LogInformation("Triage classifier trained on {Examples} reports and the remits of {Agencies} agencies in {Elapsed} ms.",
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
