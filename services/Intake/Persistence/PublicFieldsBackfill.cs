using Lapor.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Intake.Persistence;

/// <summary>Reports stored before their public search words and verification time were kept get them once at start-up, in chunks.</summary>
public sealed class PublicFieldsBackfill : ISeeder<IntakeDbContext>
{
    public async Task SeedAsync(IntakeDbContext db, CancellationToken cancellationToken)
    {
        while (await db.Complaints.Where(c => c.SearchText == null).OrderBy(c => c.Id).Take(1000).ToListAsync(cancellationToken) is { Count: > 0 } chunk)
        {
            foreach (var complaint in chunk) complaint.KeepPublicFields();
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }
}
