using Lapor.Contracts;
using Lapor.Intake.Domain;

namespace Lapor.Intake.Api;

/// <summary>The citizen's timeline in words: Bahasa Indonesia by default, English when the request prefers it (<c>Accept-Language: en</c>, see <see cref="Lapor.ServiceDefaults.Problems.ProblemLanguage.PrefersEnglish"/>).</summary>
public static class TimelineLabels
{
    private static readonly Dictionary<TimelineStep, (string Id, string En)> Steps = new()
    {
        [TimelineStep.Filed] = ("Laporan dikirim", "Report filed"),
        [TimelineStep.Verified] = ("Laporan diverifikasi", "Report verified"),
        [TimelineStep.Routed] = ("Didisposisikan ke instansi", "Routed to the agency"),
        [TimelineStep.Forwarded] = ("Diteruskan ke instansi lain", "Forwarded to another agency"),
        [TimelineStep.AgencyAsked] = ("Instansi meminta keterangan", "The agency asked for information"),
        [TimelineStep.AgencyResponded] = ("Instansi menanggapi", "The agency responded"),
        [TimelineStep.Resolved] = ("Selesai ditindaklanjuti", "Resolved"),
        [TimelineStep.Archived] = ("Diarsipkan", "Archived"),
        [TimelineStep.ReporterReplied] = ("Pelapor menanggapi", "The reporter replied"),
        [TimelineStep.Rated] = ("Pelapor memberi penilaian", "The reporter rated the answer"),
        [TimelineStep.Reopened] = ("Pelapor belum puas, laporan dibuka kembali", "The reporter was not satisfied; reopened"),
    };

    private static readonly Dictionary<ComplaintStatus, (string Id, string En)> Statuses = new()
    {
        [ComplaintStatus.BelumTerverifikasi] = ("Belum Terverifikasi", "Not yet verified"),
        [ComplaintStatus.Terverifikasi] = ("Terverifikasi", "Verified"),
        [ComplaintStatus.Terdisposisi] = ("Terdisposisi", "Routed"),
        [ComplaintStatus.SedangDiproses] = ("Tindak Lanjut", "Being followed up"),
        [ComplaintStatus.MenungguTanggapanPelapor] = ("Menunggu tanggapan pelapor", "Waiting for the reporter"),
        [ComplaintStatus.Selesai] = ("Selesai", "Resolved"),
        [ComplaintStatus.Ditutup] = ("Ditutup", "Closed"),
        [ComplaintStatus.Diarsipkan] = ("Diarsipkan", "Archived"),
    };

    public static string Of(TimelineStep step, bool english) => Steps.TryGetValue(step, out var label) ? english ? label.En : label.Id : step.ToString();

    public static string Of(ComplaintStatus status, bool english) => Statuses.TryGetValue(status, out var label) ? english ? label.En : label.Id : status.ToString();
}
