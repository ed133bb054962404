using Lapor.AgencyDesk.Persistence;
using Lapor.Analytics.Persistence;
using Lapor.Intake.Persistence;
using Lapor.Triage.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lapor.EndToEnd.Tests;

/// <summary>The checked-in PostgreSQL migrations describe each service's current model.</summary>
public sealed class SchemaTests
{
    private static DbContextOptions<T> Postgres<T>() where T : DbContext =>
        new DbContextOptionsBuilder<T>().UseNpgsql("Host=localhost;Database=unused").Options;

    public static TheoryData<string> Contexts => ["intake", "triage", "desk", "analytics"];

    [Theory]
    [MemberData(nameof(Contexts))]
    public void Every_model_change_has_a_migration(string service)
    {
        using DbContext db = service switch
        {
            "intake" => new IntakeDbContext(Postgres<IntakeDbContext>()),
            "triage" => new TriageDbContext(Postgres<TriageDbContext>()),
            "desk" => new DeskDbContext(Postgres<DeskDbContext>()),
            _ => new AnalyticsDbContext(Postgres<AnalyticsDbContext>()),
        };
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), $"{service}: run dotnet ef migrations add (see docs/decisions/0003-migrations.md).");
    }
}
