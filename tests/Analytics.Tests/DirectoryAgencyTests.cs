using Lapor.Analytics.Domain;
using Lapor.Contracts;

namespace Lapor.Analytics.Tests;

/// <summary>Directory events arriving twice or out of order leave the newest name in place.</summary>
public sealed class DirectoryAgencyTests
{
    private static AgencyChanged Changed(int version, string name) =>
        new("61.71.dpupr", version, DateTimeOffset.UtcNow, name, "kota", "61.71", [Sector.Infrastruktur], "verifier", null);

    [Fact]
    public void An_older_or_repeated_version_changes_nothing()
    {
        var agency = DirectoryAgency.From(Changed(2, "Dinas PUPR Kota Pontianak (baru)"));
        Assert.False(agency.Apply(Changed(1, "Dinas PUPR Kota Pontianak")));
        Assert.False(agency.Apply(Changed(2, "Dinas PUPR Kota Pontianak (ulang)")));
        Assert.Equal("Dinas PUPR Kota Pontianak (baru)", agency.Name);

        Assert.True(agency.Apply(Changed(3, "Dinas PUPR dan Penataan Ruang Kota Pontianak")));
        Assert.Equal("Dinas PUPR dan Penataan Ruang Kota Pontianak", agency.Name);
        Assert.Equal(3, agency.Version);
    }
}
