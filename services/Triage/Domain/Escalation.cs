using Lapor.Contracts;

namespace Lapor.Triage.Domain;

/// <summary>
/// Who hears of a missed deadline: a kabupaten or kota office escalates to its province's office for the same
/// sector (the provincial coordinating desk), and a provincial or national body, or a district with no such
/// provincial office, to the national admin desk.
/// </summary>
public static class Escalation
{
    public static string For(string agencyId, Sector sector, IReadOnlyList<Agency> agencies)
    {
        var agency = agencies.FirstOrDefault(a => a.Id == agencyId);
        if (agency is { Level: AgencyLevel.Kabupaten or AgencyLevel.Kota, Region: { } region })
        {
            var province = region.Split('.')[0];
            var provincial = agencies.FirstOrDefault(a => a.Level == AgencyLevel.Provinsi && a.Region == province && a.Sectors.Contains(sector));
            if (provincial is not null) return provincial.Id;
        }
        return Agency.AdminDesk;
    }
}
