using Lapor.Contracts;
using Lapor.Contracts.Reference;
using Lapor.Triage.Domain;
using Lapor.Triage.Domain.Classification;
using Lapor.Triage.Persistence;

namespace Lapor.Triage.Tests;

/// <summary>Routing with the national directory: any region's own office, found by the region given or named in the text.</summary>
public sealed class NationalRoutingTests
{
    private static readonly IReadOnlyList<Agency> Agencies = AgencySeeder.Load();
    private static readonly Router Router = new(Agencies, ComplaintClassifier.Train(TrainingSet.Seed(), Agencies));

    [Fact]
    public void The_directory_has_every_regions_offices_and_keeps_the_reference_ids()
    {
        var ids = Agencies.Select(a => a.Id).ToHashSet();
        foreach (var reference in AgencyDirectory.Reference) Assert.Contains(reference.Id, ids);
        foreach (var region in Regions.All.Where(r => r.Level != RegionLevel.Provinsi))
            foreach (var sector in new[] { Sector.Kesehatan, Sector.Bansos, Sector.Pendidikan, Sector.Ketenagakerjaan, Sector.Kependudukan,
                         Sector.Infrastruktur, Sector.Perhubungan, Sector.Lingkungan })
                Assert.Contains(Agencies, a => a.Region == region.Code && a.Sectors.Contains(sector));
        foreach (var province in Regions.All.Where(r => r.Level == RegionLevel.Provinsi))
            Assert.Contains(AgencyDirectory.CoordinatingDeskOf(province.Code), ids);
        Assert.Equal(ids.Count, Agencies.Count); // no id twice
        Assert.Equal("Dinas Kesehatan Kabupaten Jayawijaya", Agencies.Single(a => a.Id == "95.01.dinkes").Name);
        Assert.Equal("Dinas Pendidikan Kota Surabaya", Agencies.Single(a => a.Id == "35.78.dispendik").Name); // the reference's own name
        Assert.DoesNotContain("35.78.disdik", ids); // Surabaya's education office is the reference's dispendik, not a second one
    }

    [Fact]
    public void A_closed_puskesmas_in_jayawijaya_goes_to_that_kabupatens_health_office()
    {
        var decision = Router.Decide(new TriageInput("Puskesmas tutup", "Puskesmas di distrik kami tutup sudah dua minggu, warga sakit tidak bisa berobat.", "95.01"));
        Assert.Equal("95.01.dinkes", decision.AgencyId);
    }

    [Fact]
    public void A_closed_puskesmas_named_only_in_the_text_finds_the_kabupaten()
    {
        var decision = Router.Decide(new TriageInput("Puskesmas tutup", "Puskesmas di Kabupaten Jayawijaya tutup sudah dua minggu, warga tidak bisa berobat.", null));
        Assert.Equal("95.01", decision.Region);
        Assert.Equal("95.01.dinkes", decision.AgencyId);
    }

    [Fact]
    public void An_sma_in_kupang_goes_to_the_provincial_education_office_of_ntt()
    {
        var decision = Router.Decide(new TriageInput("Pungutan SMA negeri", "SMA negeri di Kupang memungut uang komite Rp 1,5 juta per siswa, orang tua keberatan.", null));
        Assert.Equal("53.disdik", decision.AgencyId);
    }

    [Theory]
    [InlineData("Kabupaten Batu Bara", "12.19")]
    [InlineData("di kab. jayawijaya", "95.01")]
    [InlineData("warga Kota Kupang", "53.71")]
    [InlineData("di kupang", "53")] // the kabupaten and the kota share the name: their province
    [InlineData("di Makassar", "73.71")]
    [InlineData("sulsel", "73")]
    [InlineData("batu di jalan", null)] // an everyday word, not Kota Batu
    public void The_gazetteer_reads_every_regions_name_but_not_everyday_words(string text, string? code) =>
        Assert.Equal(code, Gazetteer.Find(text)?.Code);

    [Fact]
    public void Coordinating_desks_are_never_a_triage_route_but_receive_a_kabupatens_escalation()
    {
        var decision = Router.Decide(new TriageInput("Jalan desa rusak", "Jalan desa rusak parah, mohon diperbaiki.", "53.01"));
        Assert.False(AgencyDirectory.IsCoordinatingDesk(decision.AgencyId));
        Assert.Equal("53.setda", Escalation.For("53.01.dinkes", Sector.Kesehatan, Agencies));
        Assert.Equal(Agency.AdminDesk, Escalation.For("53.dinkes", Sector.Kesehatan, Agencies));
    }

    [Theory]
    [InlineData("dinsos mane?", "bansos blm cair 3 bln, dinsos mane? kami udh lapor rt rw tp gk ada kabar")]
    [InlineData("iki wajar ta?", "jalan rusak wis setaun ra didandani, iki wajar ta?")]
    [InlineData("BLT", "udh 2 bulan blt gk cair, pdhl nama ada di dtks. gmn sih ini?")]
    public void An_angry_question_in_messy_writing_is_a_complaint(string title, string text)
    {
        var decision = Router.Decide(new TriageInput(title, text, "35.78"));
        Assert.Equal(ReportType.Aduan, decision.Type);
    }

    [Fact]
    public void A_report_naming_a_kecamatan_keeps_it_and_goes_to_its_kabupatens_office_and_province()
    {
        var local = Router.Decide(new TriageInput("Puskesmas tutup", "Puskesmas tutup sudah dua minggu, warga tidak bisa berobat.", "95.01.01"));
        Assert.Equal(("95.01.01", "95.01.dinkes"), (local.Region, local.AgencyId));
        var provincial = Router.Decide(new TriageInput("Pungutan SMA negeri", "SMA negeri memungut uang komite Rp 1,5 juta per siswa, orang tua keberatan.", "53.71.01"));
        Assert.Equal("53.disdik", provincial.AgencyId);
        Assert.Equal(("95", "95.01", RegionLevel.Kecamatan), (Regions.Find("95.01.01")!.ProvinceCode, Regions.Find("95.01.01")!.RegencyCode, Regions.Find("95.01.01")!.Level));
        Assert.Equal("Wamena, Kabupaten Jayawijaya", Regions.Find("95.01.01")!.Name);
        Assert.Null(Regions.Find("95.01.99"));
        Assert.Equal(7285, Regions.Districts.Count);
    }

    [Fact]
    public void A_report_naming_a_desa_keeps_it_and_goes_to_its_kabupatens_office()
    {
        var decision = Router.Decide(new TriageInput("Puskesmas tutup", "Puskesmas tutup sudah dua minggu, warga tidak bisa berobat.", "95.01.01.1007"));
        Assert.Equal(("95.01.01.1007", "95.01.dinkes"), (decision.Region, decision.AgencyId));
        var sinakma = Regions.Find("95.01.01.1007")!;
        Assert.Equal((RegionLevel.Desa, "95", "95.01", "95.01.01"), (sinakma.Level, sinakma.ProvinceCode, sinakma.RegencyCode, sinakma.DistrictCode));
        Assert.Equal("Sinakma, Wamena, Kabupaten Jayawijaya", sinakma.Name);
        Assert.Equal(83762, Regions.Villages.Count);
        Assert.Null(Regions.Find("95.01.01.9999"));
    }
}
