using Lapor.Contracts;
using Lapor.Triage.Domain;
using Lapor.Triage.Persistence;

namespace Lapor.Triage.Tests;

public sealed class RouterTests
{
    private static readonly Router Router = new(AgencySeeder.Load());

    [Fact]
    public void A_local_road_in_surabaya_goes_to_the_city_public_works_office()
    {
        var decision = Router.Decide(new TriageInput("Jalan berlubang di depan pasar", "Jalan rusak parah, mohon diperbaiki.", "35.78"));
        Assert.Equal(Sector.Infrastruktur, decision.Sector);
        Assert.Equal("35.78.dpupr", decision.AgencyId);
        Assert.NotEmpty(decision.Explanation);
    }

    [Fact]
    public void A_national_programme_goes_to_the_national_body_whatever_the_region()
    {
        var decision = Router.Decide(new TriageInput("Kartu BPJS Kesehatan nonaktif", "Kartu BPJS Kesehatan saya tiba-tiba nonaktif padahal iuran lancar.", "33.10"));
        Assert.Equal("nas.bpjs-kesehatan", decision.AgencyId);
    }

    [Fact]
    public void A_local_matter_without_a_region_waits_at_the_admin_desk_instead_of_being_guessed()
    {
        var decision = Router.Decide(new TriageInput("Sampah menumpuk", "Sampah di pinggir jalan menumpuk tidak diangkut seminggu.", null));
        Assert.Equal(Agency.AdminDesk, decision.AgencyId);
        Assert.True(decision.Confidence < Router.ConfidenceThreshold);
    }

    [Fact]
    public void The_seed_directory_holds_the_reference_agencies()
    {
        var agencies = AgencySeeder.Load();
        Assert.Equal(116, agencies.Count);
        Assert.Contains(agencies, a => a.Id == Agency.AdminDesk);
        Assert.All(agencies, a => Assert.NotEmpty(a.Sectors));
    }
}
