namespace Lapor.Embedded;

/// <summary>
/// <c>dotnet run --project deploy/Embedded</c> is the quick start: its launch profile sets <c>LAPOR_QUICK_START</c>,
/// and the host then runs in Development (development tokens and keys) — unless the operator named an environment
/// (<c>ASPNETCORE_ENVIRONMENT</c>, <c>DOTNET_ENVIRONMENT</c> or <c>--environment</c>), which always wins. A launch
/// profile that set the environment itself would silently override the operator's <c>Production</c>.
/// </summary>
internal static class QuickStart
{
    public static string? Environment(string[] args) =>
        System.Environment.GetEnvironmentVariable("LAPOR_QUICK_START") == "1"
        && System.Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") is null
        && System.Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") is null
        && !args.Any(a => a.StartsWith("--environment", StringComparison.OrdinalIgnoreCase))
            ? Environments.Development
            : null;
}
