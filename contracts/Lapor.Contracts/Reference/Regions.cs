using System.IO.Compression;

namespace Lapor.Contracts.Reference;

public enum RegionLevel
{
    Provinsi,
    Kabupaten,
    Kota,
    Kecamatan,
    /// <summary>A desa or kelurahan.</summary>
    Desa,
}

/// <summary>
/// A region by its Kemendagri code: "35" a province, "35.78" a kota or kabupaten in it, "35.78.01" a kecamatan in
/// that, "35.78.01.1001" a desa or kelurahan in the kecamatan. <see cref="Parent"/> is the region one level up.
/// </summary>
public sealed record Region(string Code, string Name, RegionLevel Level, string? Parent)
{
    /// <summary>The province a region belongs to (itself for a province).</summary>
    public string ProvinceCode => Code.Split('.')[0];

    /// <summary>The kabupaten or kota a region is or lies in; null for a province.</summary>
    public string? RegencyCode => Level == RegionLevel.Provinsi ? null : string.Join('.', Code.Split('.').Take(2));

    /// <summary>The kecamatan a region is or lies in; null above that level.</summary>
    public string? DistrictCode => Level switch { RegionLevel.Kecamatan => Code, RegionLevel.Desa => Parent, _ => null };
}

/// <summary>
/// Every province (38), kabupaten/kota (514), kecamatan (7,285) and desa/kelurahan (83,762) of Indonesia with its
/// Kemendagri code, from the maintained npm package idn-area-data (version and licence in <c>regions.csv</c>,
/// <c>districts.csv</c> and <c>villages.csv.gz</c>; rebuilt by <c>deploy/reference/regions.sh</c>). Static reference data every service may use to validate a region, name it and
/// roll figures up to its kabupaten/kota and province. Codes never change meaning: <c>35.78</c> is Kota Surabaya here
/// as in every report and agency id already stored.
/// </summary>
public static class Regions
{
    /// <summary>The provinces and kabupaten/kota: the regions agencies serve and the portal lists.</summary>
    public static readonly IReadOnlyList<Region> All = Read("regions.csv", f =>
        new Region(f[0], f[1], f[2] switch { "provinsi" => RegionLevel.Provinsi, "kota" => RegionLevel.Kota, _ => RegionLevel.Kabupaten }, f[3].Length == 0 ? null : f[3]));

    private static readonly Dictionary<string, Region> ByCode = All.ToDictionary(r => r.Code);

    /// <summary>The kecamatan (distrik in Papua), read on first use; named "Wamena, Kabupaten Jayawijaya".</summary>
    public static IReadOnlyList<Region> Districts => _districts.Value;

    private static readonly Lazy<IReadOnlyList<Region>> _districts = new(() => Read("districts.csv", f =>
        new Region(f[0], $"{f[1]}, {ByCode[f[2]].Name}", RegionLevel.Kecamatan, f[2])));

    private static readonly Lazy<Dictionary<string, Region>> _districtsByCode = new(() => Districts.ToDictionary(r => r.Code));

    /// <summary>The desa and kelurahan, read on first use (from a gzipped file); named "Sinakma, Wamena, Kabupaten Jayawijaya".</summary>
    public static IReadOnlyList<Region> Villages => _villages.Value;

    private static readonly Lazy<IReadOnlyList<Region>> _villages = new(() => Read("villages.csv.gz", f =>
        new Region(f[0], $"{f[1]}, {_districtsByCode.Value[f[2]].Name}", RegionLevel.Desa, f[2])));

    private static readonly Lazy<Dictionary<string, Region>> _villagesByCode = new(() => Villages.ToDictionary(r => r.Code));

    /// <summary>A province, kabupaten/kota, kecamatan or desa/kelurahan by its code; null for anything else.</summary>
    public static Region? Find(string? code) => code is null ? null
        : ByCode.TryGetValue(code, out var region) ? region
        : code.Count(c => c == '.') switch
        {
            2 => _districtsByCode.Value.GetValueOrDefault(code),
            3 => _villagesByCode.Value.GetValueOrDefault(code),
            _ => null,
        };

    /// <summary>The provinces, each followed by its kabupaten and kota, in code order.</summary>
    public static IEnumerable<(Region Province, IReadOnlyList<Region> Regencies)> ByProvince() =>
        All.Where(r => r.Parent is null).Select(p => (p, (IReadOnlyList<Region>)All.Where(r => r.Parent == p.Code).ToList()));

    private static List<Region> Read(string file, Func<string[], Region> parse)
    {
        using var stream = typeof(Regions).Assembly.GetManifestResourceStream("Lapor.Contracts.Reference." + file)
            ?? throw new InvalidOperationException($"{file} is not embedded in Lapor.Contracts.");
        using var reader = new StreamReader(file.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(stream, CompressionMode.Decompress) : stream);
        var regions = new List<Region>();
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith('#') || line.StartsWith("code,", StringComparison.Ordinal) || line.Length == 0) continue;
            regions.Add(parse(line.Split(',')));
        }
        return regions;
    }
}
