using Lapor.Intake.Domain;
using Lapor.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Intake.Persistence;

/// <summary>
/// Accounts kept under the earlier unkeyed form get their keyed form once at start-up, one update per account. Each update
/// names the old key, so replicas starting together write the same value and never each other's.
/// </summary>
public sealed class OwnerKeyRekeying(OwnerKeys keys) : ISeeder<IntakeDbContext>
{
    public async Task SeedAsync(IntakeDbContext db, CancellationToken cancellationToken)
    {
        while (await db.Complaints.Where(c => c.OwnerKey != null && c.OwnerKey.Length == OwnerKeys.UnkeyedLength).Select(c => c.OwnerKey!).Distinct()
                   .Take(1000).ToListAsync(cancellationToken) is { Count: > 0 } unkeyed)
        {
            foreach (var old in unkeyed)
            {
                var keyed = keys.Rekey(old);
                await db.InWriteTurnAsync(() => db.Complaints.Where(c => c.OwnerKey == old)
                    .ExecuteUpdateAsync(set => set.SetProperty(c => c.OwnerKey, keyed), cancellationToken), cancellationToken);
            }
        }
    }
}
