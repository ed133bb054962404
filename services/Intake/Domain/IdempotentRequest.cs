using System.Security.Cryptography;
using System.Text;

namespace Lapor.Intake.Domain;

/// <summary>
/// A filing made with an <c>Idempotency-Key</c>: a retry with the same key and body gets the original answer
/// and creates nothing; the same key with another body is refused. The original answer holds the access
/// code, so it is kept encrypted and only for <see cref="Lifetime"/>.
/// </summary>
public sealed class IdempotentRequest
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);
    public const int MaximumKeyLength = 100;

    public string Key { get; init; } = "";
    public string RequestHash { get; init; } = "";
    public Guid ComplaintId { get; init; }
    /// <summary>The original answer, encrypted with the reporter vault's protector.</summary>
    public string SealedResponse { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>
    /// The stored key: the caller's key within its channel and caller (a signed-in subject, or every anonymous caller of
    /// that channel together), hashed so that any key fits the column.
    /// </summary>
    public static string Scoped(Lapor.Contracts.Channel channel, string? caller, string key) =>
        Hash($"{channel}\n{caller}\n{key}");

    public static string Hash(string canonicalRequest) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)));
}
