using Lapor.Contracts;
using Lapor.Triage.Domain;
using Lapor.Triage.Domain.Classification;
using Lapor.Triage.Persistence;

namespace Lapor.Triage.Tests;

public sealed class RouterTests
{
    private static readonly IReadOnlyList<Agency> Agencies = AgencySeeder.Load();
    private static readonly Router Router = new(Agencies, ComplaintClassifier.Train(TrainingSet.Seed(), Agencies));

    [Fact]
    public void A_local_road_in_surabaya_goes_to_the_city_public_works_office()
    {
        var decision = Router.Decide(new TriageInput("Jalan berlubang di depan pasar", "Jalan rusak parah, mohon diperbaiki.", "35.78"));
        Assert.Equal(Sector.Infrastruktur, decision.Sector);
        Assert.Equal("35.78.dpupr", decision.AgencyId);
        Assert.NotEmpty(decision.Explanation);
    }

    [Fact]
    public void A_route_below_the_auto_verification_confidence_waits_for_a_verifier_and_one_above_it_goes_on()
    {
        var input = new TriageInput("Jalan berlubang di depan pasar", "Jalan rusak parah, mohon diperbaiki.", "35.78");
        var best = Router.Decide(input);

        var held = Router.Decide(input, autoVerify: best.Confidence + 0.01);
        var through = Router.Decide(input, autoVerify: best.Confidence);

        Assert.Equal(Agency.AdminDesk, held.AgencyId);
        Assert.Contains(held.Explanation, line => line.Contains(best.AgencyName));
        Assert.Equal(best.AgencyId, through.AgencyId);
    }

    [Fact]
    public void A_national_programme_goes_to_the_national_body_whatever_the_region()
    {
        var decision = Router.Decide(new TriageInput("Kartu BPJS Kesehatan nonaktif", "Kartu BPJS Kesehatan saya tiba-tiba nonaktif padahal iuran lancar.", "33.10"));
        Assert.Equal("nas.bpjs-kesehatan", decision.AgencyId);
    }

    [Theory]
    [InlineData("Tagihan listrik bulan ini dua kali lipat", "Tagihan listrik rumah saya di Kota Serang naik dua kali lipat, petugas catat meter tidak datang.", "36.73", "nas.pln")]
    [InlineData("Pengajuan kredit KUR ditolak bank", "Usaha warung saya di Pasar Flamboyan, Pontianak, ditolak bank waktu mengajukan KUR tanpa alasan jelas.", "61.71", "nas.ojk")]
    [InlineData("Meteran di rumah kontrakan", "Meteran listrik di rumah kontrakan kami di Kelurahan Unyur, Kecamatan Serang, RT 03 sering anjlok, tagihan tetap tinggi.", "36.73", "nas.pln")]
    [InlineData("Token listrik tidak masuk", "Beli token listrik di warung dekat pasar kecamatan, saldo terpotong tapi token tidak masuk. Kami di kampung Kota Serang.", "36.73", "nas.pln")]
    [InlineData("Rekening dibekukan bank", "Rekening tabungan saya di bank dibekukan tanpa pemberitahuan, saya warga kelurahan di Kecamatan Pontianak Kota.", "61.71", "nas.ojk")]
    [InlineData("Asuransi kendaraan tidak cair", "Klaim asuransi motor saya yang hilang di parkiran pasar tidak dibayar, kantor agen di kota tidak bisa dihubungi.", "61.71", "nas.ojk")]
    [InlineData("Air PDAM keruh seminggu", "Air PDAM di perumahan kami di Kota Serang keruh dan berbau sudah seminggu.", "36.73", "36.73.pdam")]
    [InlineData("Tagihan PBB naik tiga kali lipat", "SPPT PBB rumah saya di Pontianak tahun ini naik tiga kali lipat tanpa pemberitahuan.", "61.71", "61.71.bapenda")]
    public void A_nationwide_operator_answers_for_its_sector_unless_the_report_is_about_what_the_regional_office_handles(
        string title, string text, string region, string agency) =>
        Assert.Equal(agency, Router.Decide(new TriageInput(title, text, region)).AgencyId);

    [Fact]
    public void A_report_without_a_region_that_names_its_national_body_is_routed_there()
    {
        var decision = Router.Decide(new TriageInput("Hapus outsourcing untuk pekerjaan inti",
            "Mohon Kemnaker hapus sistem outsourcing untuk pekerjaan inti, pekerja kontrak tanpa kepastian dan tanpa pesangon.", null));
        Assert.Equal("nas.kemnaker", decision.AgencyId);
    }

    [Fact]
    public void A_local_matter_without_a_region_waits_at_the_admin_desk_instead_of_being_guessed()
    {
        var decision = Router.Decide(new TriageInput("Sampah menumpuk", "Sampah di pinggir jalan menumpuk tidak diangkut seminggu.", null));
        Assert.Equal(Agency.AdminDesk, decision.AgencyId);
        Assert.Equal(Sector.Lingkungan, decision.Sector);
        Assert.Contains(decision.Explanation, line => line.Contains("no kabupaten or kota is known"));
    }

    [Theory]
    [InlineData("Pungli saat pembuatan SIM", "Petugas polisi di Satpas minta uang tambahan Rp 300 ribu supaya SIM cepat jadi, tanpa kuitansi.", "35.78")]
    [InlineData("Pengukuran tanah tidak kunjung datang", "Sudah setahun mengajukan pengukuran sertifikat tanah ke kantor pertanahan, petugas tidak pernah datang.", "33.10")]
    public void A_matter_outside_the_service_sectors_is_called_lainnya_and_left_to_a_verifier(string title, string text, string region)
    {
        var decision = Router.Decide(new TriageInput(title, text, region));
        Assert.Equal(Sector.Lainnya, decision.Sector);
        Assert.Equal(Agency.AdminDesk, decision.AgencyId);
    }

    [Fact]
    public void Words_from_outside_the_service_sectors_do_not_override_a_clear_sector()
    {
        var decision = Router.Decide(new TriageInput("Puskesmas menolak pasien BPJS", "Kepala desa sudah membantu tapi puskesmas tetap menolak pasien BPJS Kesehatan kami.", "35.78"));
        Assert.NotEqual(Sector.Lainnya, decision.Sector);
        Assert.NotEqual(Agency.AdminDesk, decision.AgencyId);
    }

    [Fact]
    public void The_seed_directory_holds_the_reference_agencies_first()
    {
        var agencies = AgencySeeder.Load();
        Assert.Equal(116, Lapor.Contracts.Reference.AgencyDirectory.Reference.Count);
        Assert.Equal(Lapor.Contracts.Reference.AgencyDirectory.Reference.Select(a => a.Id), agencies.Take(116).Select(a => a.Id));
        Assert.Contains(agencies, a => a.Id == Agency.AdminDesk);
        Assert.All(agencies, a => Assert.NotEmpty(a.Sectors));
    }
}

public sealed class RouterDecisionTests
{
    private static readonly IReadOnlyList<Agency> Agencies = AgencySeeder.Load();
    private static readonly Router Router = new(Agencies, ComplaintClassifier.Train(TrainingSet.Seed(), Agencies));

    [Fact]
    public void A_region_named_only_in_the_text_is_found()
    {
        var decision = Router.Decide(new TriageInput("Puskesmas tutup lebih awal", "Puskesmas di Kecamatan Tambaksari sering tutup jam 12 padahal jadwalnya sampai sore.", null));
        Assert.Equal("35.78", decision.Region);
        Assert.Equal("35.78.dinkes", decision.AgencyId);
    }

    [Fact]
    public void A_senior_high_school_matter_goes_to_the_province()
    {
        var decision = Router.Decide(new TriageInput("Pungutan di SMA negeri", "SMA negeri di Klaten meminta sumbangan gedung Rp 3 juta kepada setiap siswa baru.", "33.10"));
        Assert.Equal("33.disdik", decision.AgencyId);
    }

    [Fact]
    public void Informal_spelling_still_routes_to_the_right_body()
    {
        var decision = Router.Decide(new TriageInput("token listrik gk masuk2", "udh beli token listrik 100rb dr aplikasi tp gk masuk2 sdh 2 hari", "36.73"));
        Assert.Equal("nas.pln", decision.AgencyId);
    }

    [Fact]
    public void The_decision_explains_itself_and_offers_alternatives()
    {
        var decision = Router.Decide(new TriageInput("Jalan berlubang di depan pasar", "Jalan rusak parah dan berlubang, mohon diperbaiki.", "35.78"));
        Assert.Contains(decision.Explanation, line => line.Contains("infrastruktur"));
        Assert.NotEmpty(decision.Alternatives);
        Assert.All(decision.Alternatives, a => Assert.True(a.Probability <= decision.Confidence));
    }

    [Fact]
    public void The_same_report_always_gets_the_same_decision()
    {
        var again = new Router(Agencies, ComplaintClassifier.Train(TrainingSet.Seed(), Agencies));
        var input = new TriageInput("Bansos tidak cair", "Bantuan PKH keluarga kami tidak cair tiga bulan padahal terdaftar.", "61.71");
        Assert.Equal(Router.Decide(input), again.Decide(input), new DecisionComparer());
    }

    private sealed class DecisionComparer : IEqualityComparer<RoutingDecision>
    {
        public bool Equals(RoutingDecision? x, RoutingDecision? y) =>
            x!.AgencyId == y!.AgencyId && x.Sector == y.Sector && x.Type == y.Type && x.Confidence == y.Confidence;
        public int GetHashCode(RoutingDecision obj) => obj.AgencyId.GetHashCode();
    }
}
