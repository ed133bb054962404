namespace Lapor.Contracts;

/// <summary>Public-service sectors; wire names are the lower-case ids of the agency directory.</summary>
public enum Sector
{
    Kesehatan,
    Bansos,
    Pendidikan,
    Ketenagakerjaan,
    Kependudukan,
    Infrastruktur,
    Lingkungan,
    Perhubungan,
    Keuangan,
    Utilitas,
    Lainnya,
}
