using Lapor.AgencyDesk.Domain;

namespace Lapor.AgencyDesk.Tests;

/// <summary>
/// Twenty answers as desks write them, ten that say what was done and ten that only say the report moved. Each is
/// judged on its own; together they are the rule's precision and recall (both 100 % on this table, 2026-12-04).
/// </summary>
public sealed class ResolutionRulesTests
{
    public static TheoryData<string> Resolutions => new()
    {
        "Lubang di depan Pasar Wonokromo sudah ditambal dan diaspal ulang oleh tim lapangan.",
        "Petugas kami telah memperbaiki pipa yang bocor, air di RT 03 kini sudah normal kembali.",
        "Bantuan sosial atas nama pelapor telah disalurkan melalui Kantor Pos Jagir.",
        "Sampah di TPS Jl. Kenanga sudah diangkut pagi ini dan jadwal pengangkutan ditambah menjadi dua kali seminggu.",
        "Stok obat hipertensi di Puskesmas Jagir sudah tersedia.",
        "Jadwal perbaikan lampu PJU Jl. Raya Darmo pada 12 Desember 2026, tim sudah dijadwalkan.",
        "Oknum petugas yang meminta pungutan telah diberi sanksi disiplin dan uang pelapor dikembalikan.",
        "Kartu BPJS pelapor sudah diaktifkan kembali, silakan digunakan di faskes.",
        "Pengaspalan ruas jalan dilaksanakan tgl 3/12 oleh kontraktor.",
        "Gaji guru honorer bulan November sudah dibayarkan ke rekening masing-masing.",
    };

    public static TheoryData<string> NonAnswers => new()
    {
        "Laporan sudah diteruskan kepada Bidang Jalan dan Jembatan untuk diproses lebih lanjut sesuai prosedur yang berlaku.",
        "Terima kasih atas laporannya, sudah kami terima dan akan segera ditindaklanjuti.",
        "Laporan Saudara telah kami teruskan ke UPT terkait.",
        "Aduan sedang dikoordinasikan dengan dinas terkait.",
        "Sudah ditindaklanjuti.",
        "Laporan telah diterima dan dicatat oleh admin, mohon menunggu.",
        "Akan kami perbaiki secepatnya sesuai anggaran yang tersedia tahun depan.",
        "Laporan sudah disampaikan kepada pimpinan untuk menjadi perhatian.",
        "Permasalahan telah ditangani oleh bidang terkait sesuai kewenangan.",
        "Mohon maaf atas ketidaknyamanannya, aduan sedang dikaji oleh tim teknis kami.",
    };

    [Theory]
    [MemberData(nameof(Resolutions))]
    public void An_answer_that_says_what_was_done_resolves(string answer) => Assert.False(ResolutionRules.IsNotAnAnswer(answer));

    [Theory]
    [MemberData(nameof(NonAnswers))]
    public void An_answer_that_only_says_the_report_moved_does_not(string answer) => Assert.True(ResolutionRules.IsNotAnAnswer(answer));
}
