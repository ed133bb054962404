using Lapor.Intake.Domain;

namespace Lapor.Intake.Tests;

public sealed class AccessCodesTests
{
    [Fact]
    public void Tracking_ids_are_short_unambiguous_and_distinct()
    {
        var ids = Enumerable.Range(0, 10_000).Select(_ => AccessCodes.NewTrackingId()).ToList();
        Assert.All(ids, id => Assert.Matches("^LPR-[0-9A-HJKMNP-TV-Z]{8}$", id));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void An_access_code_matches_its_hash_however_the_citizen_types_it()
    {
        var code = AccessCodes.NewAccessCode();
        var hash = AccessCodes.Hash(code);

        Assert.True(AccessCodes.Matches(code.ToLowerInvariant(), hash));
        Assert.True(AccessCodes.Matches($" {code[..6]}-{code[6..]} ", hash));
        Assert.False(AccessCodes.Matches(AccessCodes.NewAccessCode(), hash));
        Assert.False(AccessCodes.Matches(null, hash));
        Assert.DoesNotContain(code, hash);
    }
}
