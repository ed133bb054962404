using Lapor.Contracts;

namespace Lapor.Triage.Domain.Classification;

/// <summary>A report with the route a person decided for it: the training and evaluation format (JSONL, one per line).</summary>
public sealed record LabelledReport(string Title, string Text, string? Region, ReportType Type, Sector Sector, string Agency)
{
    /// <summary>
    /// The route head's label: a national body's id, or the level of a regional dinas ("provinsi", "lokal").
    /// Which dinas follows from the sector and the region, so the model need not learn every region.
    /// </summary>
    public string Route => RouteOf(Agency);

    public static string RouteOf(string agencyId)
    {
        if (agencyId.StartsWith("nas.", StringComparison.Ordinal)) return agencyId;
        var region = agencyId[..agencyId.LastIndexOf('.')];
        return region.Contains('.') ? Routes.Local : Routes.Province;
    }
}

public static class Routes
{
    public const string Province = "provinsi";
    public const string Local = "lokal";
}
