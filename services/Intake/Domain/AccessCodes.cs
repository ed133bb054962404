using System.Security.Cryptography;
using System.Text;

namespace Lapor.Intake.Domain;

/// <summary>
/// Tracking ids and access codes: random Crockford base-32 (no I, L, O, U, so they survive being read aloud
/// or typed on a phone). A tracking id is public (<c>LPR-</c> + 8 characters, 40 random bits); the access
/// code is the citizen's secret (12 characters, 60 bits) and only its SHA-256 is stored.
/// </summary>
public static class AccessCodes
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string NewTrackingId() => "LPR-" + Random(8);

    public static string NewAccessCode() => Random(12);

    public static string Hash(string accessCode) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Normalize(accessCode))));

    public static bool Matches(string? accessCode, string hash) =>
        !string.IsNullOrWhiteSpace(accessCode)
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(accessCode)), Encoding.ASCII.GetBytes(hash));

    /// <summary>Upper-cases and maps the letters people confuse with digits, as Crockford's alphabet intends.</summary>
    public static string Normalize(string code) =>
        code.Trim().ToUpperInvariant().Replace('O', '0').Replace('I', '1').Replace('L', '1').Replace("-", "");

    private static string Random(int length) =>
        string.Create(length, 0, (chars, _) =>
        {
            for (var i = 0; i < chars.Length; i++) chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        });
}
