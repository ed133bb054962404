using Microsoft.Extensions.Configuration;

namespace Lapor.Intake.Domain;

/// <summary>
/// Attachment files on disk under <c>Lapor:Attachments:Directory</c> (default: <c>attachments</c> under
/// <c>Lapor:DataDirectory</c>), one file per attachment named by its id. A file is written to a temporary name and
/// moved into place, so a half-written file is never served.
/// </summary>
public sealed class AttachmentStore(IConfiguration configuration)
{
    private readonly string _directory = Path.GetFullPath(configuration["Lapor:Attachments:Directory"]
        ?? Path.Combine(configuration["Lapor:DataDirectory"] ?? "data", "attachments"));

    public async Task SaveAsync(Guid id, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_directory);
        var temporary = PathOf(id) + ".part";
        await File.WriteAllBytesAsync(temporary, content.ToArray(), cancellationToken);
        File.Move(temporary, PathOf(id), overwrite: true);
    }

    public Stream Open(Guid id) => File.OpenRead(PathOf(id));

    public void Delete(Guid id) => File.Delete(PathOf(id));

    private string PathOf(Guid id) => Path.Combine(_directory, id.ToString("N"));
}
