using Lapor.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Triage.Persistence;

/// <summary>
/// Reports triaged before their words were kept have none: compute them once at start-up (those still inside the
/// duplicates window are the ones a new report is compared with), in chunks.
/// </summary>
public sealed class WordPrintBackfill : ISeeder<TriageDbContext>
{
    public async Task SeedAsync(TriageDbContext db, CancellationToken cancellationToken)
    {
        while (await db.Complaints.Where(c => c.Words == null).OrderBy(c => c.ComplaintId).Take(1000).ToListAsync(cancellationToken) is { Count: > 0 } chunk)
        {
            foreach (var complaint in chunk) complaint.KeepWords();
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }
}
