namespace Lapor.Intake.Domain;

/// <summary>
/// A file the reporter attached. The bytes live outside the database under a server-chosen name (the id); its type
/// was read from its content, never from the name the citizen's device gave it (which is not kept).
/// </summary>
public sealed class Attachment
{
    public const int MaximumPerReport = 3;
    public const long MaximumBytes = 5 * 1024 * 1024;

    private Attachment() { }

    public Attachment(Guid complaintId, int slot, string contentType, long size, string sha256, DateTimeOffset at)
    {
        if (slot is < 1 or > MaximumPerReport) throw new ArgumentOutOfRangeException(nameof(slot));
        Id = Guid.NewGuid();
        ComplaintId = complaintId;
        Slot = slot;
        ContentType = contentType;
        Size = size;
        Sha256 = sha256;
        UploadedAt = at;
    }

    public Guid Id { get; private set; }
    public Guid ComplaintId { get; private set; }
    /// <summary>Its place among the report's attachments, 1 to <see cref="MaximumPerReport"/>: unique per report, so two uploads at once cannot both take the last place.</summary>
    public int Slot { get; private set; }
    public string ContentType { get; private set; } = "";
    public long Size { get; private set; }
    public string Sha256 { get; private set; } = "";
    public DateTimeOffset UploadedAt { get; private set; }

    public string Extension => ExtensionOf(ContentType);

    public static string ExtensionOf(string contentType) => contentType switch { "image/jpeg" => "jpg", "image/png" => "png", _ => "pdf" };

    /// <summary>JPEG, PNG or PDF from the first bytes of the file; null for anything else, whatever it is called.</summary>
    public static string? DetectType(ReadOnlySpan<byte> head) =>
        head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? "image/jpeg"
        : head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? "image/png"
        : head.StartsWith("%PDF-"u8) ? "application/pdf"
        : null;
}
