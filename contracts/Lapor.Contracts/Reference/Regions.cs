namespace Lapor.Contracts.Reference;

public enum RegionLevel
{
    Provinsi,
    Kabupaten,
    Kota,
}

/// <summary>A region by its Kemendagri code ("35" a province, "35.78" a kota or kabupaten in it).</summary>
public sealed record Region(string Code, string Name, RegionLevel Level, string? Parent)
{
    /// <summary>The province a region belongs to (itself for a province).</summary>
    public string ProvinceCode => Parent ?? Code;
}

/// <summary>
/// Every province (38) and kabupaten/kota (514) of Indonesia with its Kemendagri code, from the maintained npm package
/// idn-area-data (version and licence in <c>regions.csv</c>; rebuilt by <c>deploy/reference/regions.sh</c>). Static
/// reference data every service may use to validate a region, name it and roll figures up to its province. Codes
/// never change meaning: <c>35.78</c> is Kota Surabaya here as in every report and agency id already stored.
/// </summary>
public static class Regions
{
    public static readonly IReadOnlyList<Region> All = Read();

    private static readonly Dictionary<string, Region> ByCode = All.ToDictionary(r => r.Code);

    public static Region? Find(string? code) => code is not null && ByCode.TryGetValue(code, out var region) ? region : null;

    /// <summary>The provinces, each followed by its kabupaten and kota, in code order.</summary>
    public static IEnumerable<(Region Province, IReadOnlyList<Region> Regencies)> ByProvince() =>
        All.Where(r => r.Parent is null).Select(p => (p, (IReadOnlyList<Region>)All.Where(r => r.Parent == p.Code).ToList()));

    private static List<Region> Read()
    {
        using var stream = typeof(Regions).Assembly.GetManifestResourceStream("Lapor.Contracts.Reference.regions.csv")
            ?? throw new InvalidOperationException("regions.csv is not embedded in Lapor.Contracts.");
        using var reader = new StreamReader(stream);
        var regions = new List<Region>();
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith('#') || line.StartsWith("code,", StringComparison.Ordinal) || line.Length == 0) continue;
            var f = line.Split(',');
            var level = f[2] switch { "provinsi" => RegionLevel.Provinsi, "kota" => RegionLevel.Kota, _ => RegionLevel.Kabupaten };
            regions.Add(new Region(f[0], f[1], level, f[3].Length == 0 ? null : f[3]));
        }
        return regions;
    }
}
