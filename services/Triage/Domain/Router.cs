using Lapor.Contracts;
using Lapor.Contracts.Reference;

namespace Lapor.Triage.Domain;

/// <summary>
/// Decides type, sector and responsible agency for a report. Reports whose route cannot be decided with
/// enough confidence go to the national admin desk for a person to verify, instead of being guessed.
/// </summary>
public sealed class Router(IReadOnlyList<Agency> agencies)
{
    public const double ConfidenceThreshold = 0.6;

    private static readonly (string Keyword, Sector Sector)[] SectorKeywords =
    [
        ("puskesmas", Sector.Kesehatan), ("rumah sakit", Sector.Kesehatan), ("rsud", Sector.Kesehatan), ("bpjs kesehatan", Sector.Kesehatan),
        ("obat", Sector.Kesehatan), ("vaksin", Sector.Kesehatan), ("dokter", Sector.Kesehatan),
        ("bansos", Sector.Bansos), ("pkh", Sector.Bansos), ("bpnt", Sector.Bansos), ("blt", Sector.Bansos), ("sembako", Sector.Bansos),
        ("sekolah", Sector.Pendidikan), ("guru", Sector.Pendidikan), ("siswa", Sector.Pendidikan), ("sma", Sector.Pendidikan), ("smp", Sector.Pendidikan),
        ("kip kuliah", Sector.Pendidikan), ("ukt", Sector.Pendidikan), ("kampus", Sector.Pendidikan),
        ("gaji", Sector.Ketenagakerjaan), ("upah", Sector.Ketenagakerjaan), ("phk", Sector.Ketenagakerjaan), ("prakerja", Sector.Ketenagakerjaan),
        ("bpjs ketenagakerjaan", Sector.Ketenagakerjaan), ("pekerja migran", Sector.Ketenagakerjaan),
        ("ktp", Sector.Kependudukan), ("kartu keluarga", Sector.Kependudukan), ("akta", Sector.Kependudukan), ("dukcapil", Sector.Kependudukan),
        ("jalan", Sector.Infrastruktur), ("jembatan", Sector.Infrastruktur), ("drainase", Sector.Infrastruktur), ("trotoar", Sector.Infrastruktur),
        ("sampah", Sector.Lingkungan), ("limbah", Sector.Lingkungan), ("pencemaran", Sector.Lingkungan),
        ("angkot", Sector.Perhubungan), ("parkir", Sector.Perhubungan), ("terminal", Sector.Perhubungan), ("ojek", Sector.Perhubungan),
        ("pinjol", Sector.Keuangan), ("pinjaman online", Sector.Keuangan), ("pajak", Sector.Keuangan), ("bank", Sector.Keuangan),
        ("listrik", Sector.Utilitas), ("pln", Sector.Utilitas), ("pdam", Sector.Utilitas), ("air bersih", Sector.Utilitas),
    ];

    private static readonly (string Keyword, string AgencyId)[] NationalBodies =
    [
        ("bpjs kesehatan", "nas.bpjs-kesehatan"), ("bpjs ketenagakerjaan", "nas.bpjs-ketenagakerjaan"), ("prakerja", "nas.prakerja"),
        ("pln", "nas.pln"), ("token listrik", "nas.pln"), ("pinjol", "nas.ojk"), ("pinjaman online", "nas.ojk"),
        ("pekerja migran", "nas.bp2mi"), ("kip kuliah", "nas.kemdiktisaintek"), ("ukt", "nas.kemdiktisaintek"),
    ];

    public RoutingDecision Decide(TriageInput input)
    {
        var text = $" {input.Title} {input.Text} ".ToLowerInvariant();
        var explanation = new List<string>();
        var type = input.Type ?? ReportType.Aduan;

        var (sector, confidence) = SectorOf(input, text, explanation);
        var region = Regions.Find(input.Region);

        var national = NationalBodies.FirstOrDefault(n => text.Contains(n.Keyword));
        Agency? agency = national.AgencyId is not null ? Find(national.AgencyId) : null;
        if (agency is not null)
            explanation.Add($"'{national.Keyword}' is a national programme of {agency.Name}.");
        else if (region is not null)
        {
            agency = agencies.FirstOrDefault(a => a.Region == region.Code && a.Sectors.Contains(sector))
                ?? agencies.FirstOrDefault(a => a.Region == region.ProvinceCode && a.Sectors.Contains(sector));
            if (agency is not null) explanation.Add($"Region {region.Name}: {agency.Name} handles {LaporSector(sector)}.");
        }
        else
        {
            confidence = Math.Min(confidence, 0.5);
            explanation.Add("No region given or found: a local matter cannot be routed without one.");
        }

        if (agency is null || confidence < ConfidenceThreshold)
        {
            agency = Find(Agency.AdminDesk)!;
            explanation.Add("Not confident enough to route: sent to the national admin desk for verification.");
        }
        return new RoutingDecision(type, sector, agency.Id, agency.Name, region?.Code, confidence, explanation);
    }

    private static (Sector, double) SectorOf(TriageInput input, string text, List<string> explanation)
    {
        if (input.Sector is { } chosen)
        {
            explanation.Add($"The reporter chose the sector {LaporSector(chosen)}.");
            return (chosen, 0.9);
        }
        foreach (var (keyword, sector) in SectorKeywords)
        {
            if (!text.Contains($" {keyword}")) continue;
            explanation.Add($"'{keyword}' points to the sector {LaporSector(sector)}.");
            return (sector, 0.8);
        }
        explanation.Add("No sector recognised.");
        return (Sector.Lainnya, 0.3);
    }

    private Agency? Find(string id) => agencies.FirstOrDefault(a => a.Id == id);

    private static string LaporSector(Sector sector) => sector.ToString().ToLowerInvariant();
}
