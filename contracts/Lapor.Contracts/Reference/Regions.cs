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
/// The regions Lapor serves, with the Kemendagri codes of the reference agency directory. Static reference
/// data every service may use to validate a region and roll figures up to its province.
/// </summary>
public static class Regions
{
    public static readonly IReadOnlyList<Region> All =
    [
        new("31", "Provinsi DKI Jakarta", RegionLevel.Provinsi, null),
        new("31.74", "Kota Administrasi Jakarta Selatan", RegionLevel.Kota, "31"),
        new("35", "Provinsi Jawa Timur", RegionLevel.Provinsi, null),
        new("35.78", "Kota Surabaya", RegionLevel.Kota, "35"),
        new("35.10", "Kabupaten Banyuwangi", RegionLevel.Kabupaten, "35"),
        new("16", "Provinsi Sumatera Selatan", RegionLevel.Provinsi, null),
        new("16.06", "Kabupaten Musi Banyuasin", RegionLevel.Kabupaten, "16"),
        new("33", "Provinsi Jawa Tengah", RegionLevel.Provinsi, null),
        new("33.10", "Kabupaten Klaten", RegionLevel.Kabupaten, "33"),
        new("61", "Provinsi Kalimantan Barat", RegionLevel.Provinsi, null),
        new("61.71", "Kota Pontianak", RegionLevel.Kota, "61"),
        new("36", "Provinsi Banten", RegionLevel.Provinsi, null),
        new("36.73", "Kota Serang", RegionLevel.Kota, "36"),
    ];

    private static readonly Dictionary<string, Region> ByCode = All.ToDictionary(r => r.Code);

    public static Region? Find(string? code) => code is not null && ByCode.TryGetValue(code, out var region) ? region : null;
}
