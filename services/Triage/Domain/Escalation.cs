using Lapor.Contracts;
using Lapor.Contracts.Reference;

namespace Lapor.Triage.Domain;

/// <summary>
/// Who hears of a missed deadline: a kabupaten or kota office escalates to its province's coordinating desk (the
/// provincial secretariat), or, where the directory has none, to the province's office for the same sector; a
/// provincial or national body, or a district whose province has neither, to the national admin desk.
/// </summary>
public static class Escalation
{
    public static string For(string agencyId, Sector sector, IReadOnlyList<Agency> agencies)
    {
        var agency = agencies.FirstOrDefault(a => a.Id == agencyId);
        if (agency is { Level: AgencyLevel.Kabupaten or AgencyLevel.Kota, Region: { } region } && Regions.Find(region) is { } place)
        {
            var province = place.ProvinceCode;
            var desk = AgencyDirectory.CoordinatingDeskOf(province);
            if (agencies.Any(a => a.Id == desk)) return desk;
            var provincial = agencies.FirstOrDefault(a => a.Level == AgencyLevel.Provinsi && a.Region == province && a.Sectors.Contains(sector));
            if (provincial is not null) return provincial.Id;
        }
        return Agency.AdminDesk;
    }
}
