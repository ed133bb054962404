using Lapor.Contracts;

namespace Lapor.Triage.Domain;

/// <summary>Where a report goes and why. The same value the classify API answers and the consumer acts on.</summary>
public sealed record RoutingDecision(
    ReportType Type,
    Sector Sector,
    string AgencyId,
    string AgencyName,
    string? Region,
    double Confidence,
    IReadOnlyList<RouteAlternative> Alternatives,
    IReadOnlyList<string> Explanation);

public sealed record RouteAlternative(Sector Sector, string AgencyId, double Probability);

/// <summary>A report as triage sees it.</summary>
public sealed record TriageInput(string Title, string Text, string? Region, Sector? Sector = null, ReportType? Type = null);
