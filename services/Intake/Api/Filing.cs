using Lapor.Intake.Domain;
using Lapor.Intake.Persistence;
using Lapor.ServiceDefaults.Messaging;

namespace Lapor.Intake.Api;

/// <summary>
/// What filing a report needs, on every channel: the service's database, the filings' own group-commit writer (absent
/// when group commit is off: then each filing is its own transaction), the reporter vault and the clock.
/// </summary>
public sealed class Filing(IntakeDbContext db, ReporterVault vault, TimeProvider clock, RequestCommit<IntakeDbContext>? writer = null)
{
    public IntakeDbContext Db { get; } = db;
    public ReporterVault Vault { get; } = vault;
    public TimeProvider Clock { get; } = clock;
    public RequestCommit<IntakeDbContext>? Writer { get; } = writer;
}
