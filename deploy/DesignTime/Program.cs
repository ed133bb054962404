using Lapor.AgencyDesk.Persistence;
using Lapor.Analytics.Persistence;
using Lapor.Intake.Persistence;
using Lapor.Triage.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

Console.WriteLine("Start-up project for dotnet ef; see the README's 'Schema and migrations'.");

/// <summary>Migrations are generated for PostgreSQL, the server database; the embedded SQLite files use EnsureCreated.</summary>
internal static class DesignTime
{
    public static DbContextOptions<T> Options<T>() where T : DbContext =>
        new DbContextOptionsBuilder<T>().UseNpgsql("Host=localhost;Database=lapor_design").Options;
}

internal sealed class IntakeFactory : IDesignTimeDbContextFactory<IntakeDbContext>
{
    public IntakeDbContext CreateDbContext(string[] args) => new(DesignTime.Options<IntakeDbContext>());
}

internal sealed class TriageFactory : IDesignTimeDbContextFactory<TriageDbContext>
{
    public TriageDbContext CreateDbContext(string[] args) => new(DesignTime.Options<TriageDbContext>());
}

internal sealed class DeskFactory : IDesignTimeDbContextFactory<DeskDbContext>
{
    public DeskDbContext CreateDbContext(string[] args) => new(DesignTime.Options<DeskDbContext>());
}

internal sealed class AnalyticsFactory : IDesignTimeDbContextFactory<AnalyticsDbContext>
{
    public AnalyticsDbContext CreateDbContext(string[] args) => new(DesignTime.Options<AnalyticsDbContext>());
}
