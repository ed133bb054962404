using Lapor.Contracts;
using Lapor.Contracts.Reference;
using Lapor.ServiceDefaults;

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
    public const string AdminDesk = SlaBreached.AdminDesk;
    public const int NameMin = 3, NameMax = 150, HandlesMax = 2000;

    public string Id { get; init; } = "";
    public string Name { get; set; } = "";
    public AgencyLevel Level { get; set; }
    /// <summary>Kemendagri code of the region it serves; null for national bodies.</summary>
    public string? Region { get; set; }
    public List<Sector> Sectors { get; set; } = [];
    /// <summary>Its remit in plain words (from the directory).</summary>
    public string Handles { get; set; } = "";
    /// <summary>A region's secretariat: it receives escalations and verifiers' forwards, never a triage route.</summary>
    public bool IsCoordinatingDesk => AgencyDirectory.IsCoordinatingDesk(Id);
    /// <summary>1 when added; one more at each edit. Orders the <see cref="AgencyChanged"/> events.</summary>
    public int Version { get; set; } = 1;

    /// <summary>What a verifier may set; checked field by field.</summary>
    public sealed record Details(string Name, AgencyLevel Level, string? Region, IReadOnlyList<Sector> Sectors, string Handles);

    /// <summary>The errors by field for an agency with these details (and this id, when it is new).</summary>
    public static Dictionary<string, string[]> Check(string id, string? name, AgencyLevel? level, string? region, IReadOnlyList<Sector>? sectors, string? handles)
    {
        var errors = new Dictionary<string, string[]>();
        if (name?.Trim() is not { Length: >= NameMin and <= NameMax } trimmed || trimmed.Any(char.IsControl))
            errors["name"] = [$"{NameMin} to {NameMax} characters, no control characters."];
        if (level is null) errors["level"] = ["Required: nasional, provinsi, kabupaten or kota."];
        else if (id == AdminDesk && level != AgencyLevel.Nasional) errors["level"] = ["The national admin desk stays nasional."];
        var place = Regions.Find(region);
        if (level == AgencyLevel.Nasional && region is not null) errors["region"] = ["A national body serves no single region: leave it empty."];
        else if (level is { } regional && regional != AgencyLevel.Nasional)
        {
            if (place is null) errors["region"] = [region is null ? "Required for a regional agency." : $"Unknown region code '{region}'."];
            else if (place.Level.ToString() != regional.ToString()) errors["region"] = [$"'{region}' is a {LaporJson.WireName(place.Level)}, not a {LaporJson.WireName(regional)}."];
        }
        if (sectors is not { Count: > 0 }) errors["sectors"] = ["At least one sector."];
        if (handles is { Length: > HandlesMax }) errors["handles"] = [$"At most {HandlesMax} characters."];
        return errors;
    }

    /// <summary>Applies a verifier's edit; the next version.</summary>
    public AgencyChanged Edit(Details details, string changedBy, string? reason, DateTimeOffset now)
    {
        (Name, Level, Region, Sectors, Handles) = (details.Name.Trim(), details.Level, details.Region, [.. details.Sectors.Distinct()], details.Handles.Trim());
        Version++;
        return Changed(changedBy, reason, now);
    }

    public static (Agency Agency, AgencyChanged Changed) Add(string id, Details details, string changedBy, string? reason, DateTimeOffset now)
    {
        var agency = new Agency
        {
            Id = id, Name = details.Name.Trim(), Level = details.Level, Region = details.Region, Sectors = [.. details.Sectors.Distinct()],
            Handles = details.Handles.Trim(),
        };
        return (agency, agency.Changed(changedBy, reason, now));
    }

    /// <summary>The event that tells other services what the agency is now.</summary>
    public AgencyChanged Changed(string changedBy, string? reason, DateTimeOffset now) =>
        new(Id, Version, now, Name, LaporJson.WireName(Level), Region, Sectors, changedBy, reason);
}
