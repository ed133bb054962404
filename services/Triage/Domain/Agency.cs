using Lapor.Contracts;

namespace Lapor.Triage.Domain;

public enum AgencyLevel
{
    Nasional,
    Provinsi,
    Kabupaten,
    Kota,
}

/// <summary>A government body that receives reports: a ministry, a national body or a regional dinas.</summary>
public sealed class Agency
{
    /// <summary>The national verification and disposition desk: where reports go when no route can be decided.</summary>
    public const string AdminDesk = "nas.lapor-admin";

    public string Id { get; init; } = "";
    public string Name { get; set; } = "";
    public AgencyLevel Level { get; set; }
    /// <summary>Kemendagri code of the region it serves; null for national bodies.</summary>
    public string? Region { get; set; }
    public List<Sector> Sectors { get; set; } = [];
    /// <summary>Its remit in plain words (from the directory).</summary>
    public string Handles { get; set; } = "";
}
