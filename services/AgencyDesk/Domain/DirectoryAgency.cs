using Lapor.Contracts;

namespace Lapor.AgencyDesk.Domain;

/// <summary>
/// The desk's copy of an agency's name from triage's directory (<see cref="AgencyChanged"/>), so renaming an agency
/// renames it on every report it holds. The version orders the events: an older one changes nothing.
/// </summary>
public sealed class DirectoryAgency
{
    private DirectoryAgency() { }

    public string Id { get; private set; } = "";
    public string Name { get; private set; } = "";
    public int Version { get; private set; }

    public static DirectoryAgency From(AgencyChanged e) => new() { Id = e.AgencyId, Name = e.Name, Version = e.Version };

    /// <summary>Takes the newer name; false when the event is not newer than what the desk has.</summary>
    public bool Apply(AgencyChanged e)
    {
        if (e.Version <= Version) return false;
        (Name, Version) = (e.Name, e.Version);
        return true;
    }
}
