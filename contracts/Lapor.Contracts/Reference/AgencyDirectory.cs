using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lapor.Contracts.Reference;

/// <summary>An agency as the reference directory gives it. <see cref="Level"/> is a wire name, as in <see cref="AgencyChanged"/>.</summary>
public sealed record DirectoryEntry(string Id, string Name, string Level, string? Region, IReadOnlyList<Sector> Sectors, string Handles)
{
    /// <summary>The entry as the version-1 event every service keeps its copy from.</summary>
    public AgencyChanged AsSeed(DateTimeOffset now) => new(Id, 1, now, Name, Level, Region, Sectors, "seed", "Agency directory seed");
}

/// <summary>
/// The agency directory every service starts from: the reference directory (<c>agencies.json</c>: the ministries,
/// national bodies and the first regions' offices, ids valid forever) and, around it, the offices every province,
/// kabupaten and kota has (<c>offices.csv</c>, one template per office), for each (region, sector) the reference does
/// not already serve. Each service seeds its own copy from it at start, adding only the ids it lacks; verifiers' edits
/// travel as <see cref="AgencyChanged"/> events with higher versions.
/// </summary>
public static class AgencyDirectory
{
    /// <summary>The office id of a region's secretariat: the coordinating desk, which receives escalations and is never a triage route.</summary>
    public const string CoordinatingOffice = "setda";

    public static bool IsCoordinatingDesk(string agencyId) => agencyId.EndsWith("." + CoordinatingOffice, StringComparison.Ordinal);

    /// <summary>A region's coordinating desk (its secretariat).</summary>
    public static string CoordinatingDeskOf(string regionCode) => regionCode + "." + CoordinatingOffice;

    /// <summary>The reference directory as shipped (116 agencies in 13 regions and the national bodies).</summary>
    public static IReadOnlyList<DirectoryEntry> Reference => _reference.Value;

    /// <summary>The whole directory: the reference, then each region's generated offices in region order.</summary>
    public static IReadOnlyList<DirectoryEntry> All => _all.Value;

    private static readonly Lazy<IReadOnlyList<DirectoryEntry>> _reference = new(ReadReference);
    private static readonly Lazy<IReadOnlyList<DirectoryEntry>> _all = new(() => [.. Reference, .. Generate(Reference, ReadOffices())]);

    /// <summary>One office every province (<c>provinsi</c>) or every kabupaten and kota (<c>daerah</c>) has.</summary>
    public sealed record OfficeTemplate(string Office, string Levels, Sector Sector, string Name, string Handles);

    /// <summary>The offices the templates give each region, except where the directory already has that id or an office for that sector there.</summary>
    public static IEnumerable<DirectoryEntry> Generate(IReadOnlyList<DirectoryEntry> existing, IReadOnlyList<OfficeTemplate> templates)
    {
        var ids = existing.Select(e => e.Id).ToHashSet();
        var served = existing.Where(e => e.Region is not null).SelectMany(e => e.Sectors.Select(s => (e.Region!, s))).ToHashSet();
        foreach (var region in Regions.All)
            foreach (var template in templates.Where(t => t.Levels == (region.Level == RegionLevel.Provinsi ? "provinsi" : "daerah")))
            {
                var id = region.Code + "." + template.Office;
                if (ids.Contains(id) || served.Contains((region.Code, template.Sector))) continue;
                yield return new DirectoryEntry(id, template.Name.Replace("{wilayah}", region.Name), region.Level.ToString().ToLowerInvariant(),
                    region.Code, [template.Sector], template.Handles.Replace("{wilayah}", region.Name));
            }
    }

    private static IReadOnlyList<OfficeTemplate> ReadOffices()
    {
        using var reader = new StreamReader(Open("offices.csv"));
        var templates = new List<OfficeTemplate>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith("office|", StringComparison.Ordinal)) continue;
            var f = line.Split('|');
            templates.Add(new OfficeTemplate(f[0], f[1], Enum.Parse<Sector>(f[2], ignoreCase: true), f[3], f[4]));
        }
        return templates;
    }

    private static IReadOnlyList<DirectoryEntry> ReadReference()
    {
        using var stream = Open("agencies.json");
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };
        return JsonSerializer.Deserialize<ReferenceFile>(stream, options)!.Agencies;
    }

    private sealed record ReferenceFile(List<DirectoryEntry> Agencies);

    private static Stream Open(string name) =>
        typeof(AgencyDirectory).Assembly.GetManifestResourceStream("Lapor.Contracts.Reference." + name)
        ?? throw new InvalidOperationException($"{name} is not embedded in Lapor.Contracts.");
}
