using System.Text.RegularExpressions;
using Lapor.Contracts;
using Lapor.EndToEnd.Tests.Infrastructure;
using Lapor.Portal.Text;
using Lapor.ServiceDefaults;

namespace Lapor.EndToEnd.Tests.Portal;

/// <summary>Every word the portal shows exists in Bahasa Indonesia and in English.</summary>
public sealed partial class TranslationTests
{
    [Fact]
    public void Every_key_the_pages_use_has_both_languages()
    {
        var portal = Path.Combine(TestEnvironment.RepositoryRoot, "gateway", "Lapor.Portal");
        var used = Directory.EnumerateFiles(portal, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cshtml") || (f.EndsWith(".cs") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")))
            .SelectMany(f => LiteralKey().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Distinct().ToList();

        Assert.True(used.Count > 100, $"found only {used.Count} keys: the scan is broken");
        var missing = used.Where(key => !Strings.All.ContainsKey(key)).ToList();
        Assert.True(missing.Count == 0, "untranslated: " + string.Join(", ", missing));
        Assert.Empty(Strings.All.Where(s => string.IsNullOrWhiteSpace(s.Value.Id) || string.IsNullOrWhiteSpace(s.Value.En)).Select(s => s.Key));
    }

    [Fact]
    public void Every_status_type_and_sector_has_a_name_in_both_languages()
    {
        var keys = Enum.GetValues<ComplaintStatus>().Select(s => "status." + LaporJson.WireName(s))
            .Concat(Enum.GetValues<ReportType>().Select(t => "type." + LaporJson.WireName(t)))
            .Concat(Enum.GetValues<Sector>().Select(s => "sector." + LaporJson.WireName(s)));
        var missing = keys.Where(key => !Strings.All.ContainsKey(key)).ToList();
        Assert.True(missing.Count == 0, "untranslated: " + string.Join(", ", missing));
    }

    [GeneratedRegex("""T\["([a-z][a-z0-9_.]+)"\]""")]
    private static partial Regex LiteralKey();
}
