using System.Security.Cryptography;
using System.Text;

namespace Lapor.Intake.Api;

/// <summary>Checks a secret a partner system presents (a channel gateway's secret, an Open311 api_key) in constant time.</summary>
public static class SharedSecret
{
    /// <summary>Secrets shorter than this are treated as unset: the endpoint then refuses everyone.</summary>
    public const int MinimumLength = 16;

    public static bool Matches(string? given, string? expected, int minimumLength = MinimumLength) =>
        expected is not null && expected.Length >= minimumLength && given is not null
        && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));

    public static bool MatchesAny(string? given, IEnumerable<string> expected, int minimumLength = MinimumLength) =>
        expected.Aggregate(false, (found, secret) => Matches(given, secret, minimumLength) | found); // every key compared, found or not
}
