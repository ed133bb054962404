using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace Lapor.Intake.Domain;

/// <summary>Encrypts reporters' contact details (and replayable answers holding access codes) at rest with ASP.NET Core Data Protection.</summary>
public sealed class ReporterVault(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Lapor.Intake.ReporterContact.v1");

    public string? Seal(ReporterContact? contact) =>
        contact is null || contact.IsEmpty ? null : _protector.Protect(JsonSerializer.Serialize(contact));

    public string SealText(string text) => _protector.Protect(text);

    public string OpenText(string sealedText) => _protector.Unprotect(sealedText);

    public ReporterContact? Open(string? sealedContact) =>
        sealedContact is null ? null : JsonSerializer.Deserialize<ReporterContact>(_protector.Unprotect(sealedContact));
}
