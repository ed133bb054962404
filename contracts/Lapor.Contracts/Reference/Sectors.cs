namespace Lapor.Contracts.Reference;

/// <summary>A sector's public name in Bahasa Indonesia and English, as the agency directory gives it.</summary>
public sealed record SectorName(Sector Sector, string Indonesian, string English)
{
    public string In(bool english) => english ? English : Indonesian;
}

/// <summary>The sectors' names, for any service that shows a sector to people (Open311 service lists, exports).</summary>
public static class Sectors
{
    public static readonly IReadOnlyList<SectorName> All =
    [
        new(Sector.Kesehatan, "Kesehatan", "Health"),
        new(Sector.Bansos, "Bantuan Sosial", "Social assistance"),
        new(Sector.Pendidikan, "Pendidikan", "Education"),
        new(Sector.Ketenagakerjaan, "Ketenagakerjaan", "Employment and labour"),
        new(Sector.Kependudukan, "Administrasi Kependudukan", "Civil registration"),
        new(Sector.Infrastruktur, "Infrastruktur dan Pekerjaan Umum", "Public works and infrastructure"),
        new(Sector.Lingkungan, "Lingkungan Hidup", "Environment"),
        new(Sector.Perhubungan, "Perhubungan", "Transport"),
        new(Sector.Keuangan, "Jasa Keuangan dan Pajak Daerah", "Financial services and local taxes"),
        new(Sector.Utilitas, "Listrik dan Air Bersih", "Utilities (electricity and water)"),
        new(Sector.Lainnya, "Lainnya", "Other"),
    ];

    public static SectorName Of(Sector sector) => All[(int)sector];
}
