using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Lapor.Intake.Domain;

/// <summary>
/// The one-way key a citizen's account is kept under (<see cref="Complaint.OwnerKey"/>): an HMAC-SHA256 of the account id
/// under a secret kept beside Intake's key ring, never in the database. A copy of the database alone cannot tell whose
/// reports are whose — not even by hashing every possible id, which an unkeyed hash allows when an identity provider uses
/// a NIK or a phone number as the id. Keys are base64url (43 characters); a key of the earlier unkeyed form (SHA-256 in
/// hex, 64 characters) is rekeyed at start-up by <see cref="Persistence.OwnerKeyRekeying"/>.
/// </summary>
public sealed class OwnerKeys(byte[] secret)
{
    /// <summary>The secret's file in the key ring's folder: back it up with the key ring; losing it detaches every
    /// account from its reports (citizens can attach them again with their access codes).</summary>
    public const string SecretFileName = "owner-key.secret";

    /// <summary>The length of a key of the earlier unkeyed form.</summary>
    public const int UnkeyedLength = 64;

    public string Of(string subject) => Keyed(SHA256.HashData(Encoding.UTF8.GetBytes("lapor-owner:" + subject)));

    /// <summary>True for a key of the earlier unkeyed form.</summary>
    public static bool IsUnkeyed(string key) => key.Length == UnkeyedLength;

    /// <summary>The keyed form of an unkeyed key: the HMAC is taken over the same SHA-256 the unkeyed form shows.</summary>
    public string Rekey(string unkeyed) => Keyed(Convert.FromHexString(unkeyed));

    private string Keyed(byte[] digest) => Base64Url.EncodeToString(HMACSHA256.HashData(secret, digest));

    /// <summary>
    /// Reads the secret from <paramref name="directory"/>, making it on first start. Replicas sharing the folder agree:
    /// the file is written aside and moved into place only if none is there yet, so the first one made is the one kept.
    /// </summary>
    public static OwnerKeys FromDirectory(string directory)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, SecretFileName);
        if (!File.Exists(path))
        {
            var draft = Path.Combine(directory, $"{SecretFileName}.{Guid.NewGuid():N}.tmp");
            File.WriteAllBytes(draft, RandomNumberGenerator.GetBytes(32));
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(draft, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            try { File.Move(draft, path, overwrite: false); }
            catch (IOException) when (File.Exists(path)) { File.Delete(draft); }
        }
        var secret = File.ReadAllBytes(path);
        if (secret.Length < 32) throw new InvalidOperationException($"{SecretFileName} in the key ring's folder is shorter than 32 bytes.");
        return new OwnerKeys(secret);
    }
}
