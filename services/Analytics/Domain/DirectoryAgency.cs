using Lapor.Contracts;

namespace Lapor.Analytics.Domain;

/// <summary>
/// An agency as oversight tables name it, kept from triage's directory events (<see cref="AgencyChanged"/>): the
/// figures are keyed by agency id, the dashboards show the name. A higher version wins; an older event changes nothing.
/// </summary>
public sealed class DirectoryAgency
{
    private DirectoryAgency() { }

    public string Id { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string Level { get; private set; } = "";
    public string? Region { get; private set; }
    public int Version { get; private set; }

    public static DirectoryAgency From(AgencyChanged e)
    {
        var agency = new DirectoryAgency { Id = e.AgencyId };
        agency.Apply(e);
        return agency;
    }

    public bool Apply(AgencyChanged e)
    {
        if (e.Version <= Version) return false;
        (Name, Level, Region, Version) = (e.Name, e.Level, e.Region, e.Version);
        return true;
    }
}
