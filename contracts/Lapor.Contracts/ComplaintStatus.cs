namespace Lapor.Contracts;

/// <summary>
/// LAPOR!'s status vocabulary, in the order a report normally moves through it.
/// Wire names are snake_case: belum_terverifikasi, terverifikasi, terdisposisi, ...
/// </summary>
public enum ComplaintStatus
{
    BelumTerverifikasi,
    Terverifikasi,
    Terdisposisi,
    SedangDiproses,
    MenungguTanggapanPelapor,
    Selesai,
    Ditutup,
    Diarsipkan,
}
