namespace Lapor.Contracts;

/// <summary>The three kinds of report SP4N-LAPOR! accepts. Wire names: aduan, aspirasi, permintaan_informasi.</summary>
public enum ReportType
{
    Aduan,
    Aspirasi,
    PermintaanInformasi,
}
