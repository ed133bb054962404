using Lapor.Contracts;
using Lapor.Contracts.Reference;
using Lapor.Intake.Domain;

namespace Lapor.Intake.Api;

/// <summary>The body of <c>POST /api/complaints</c>. Everything is nullable so a missing field is reported by name.</summary>
public sealed record SubmitComplaintRequest(
    ReportType? Type,
    string? Title,
    string? Text,
    Sector? Sector,
    string? Region,
    bool? Anonymous,
    bool? Confidential,
    ContactRequest? Contact = null)
{
    public const int TitleMin = 10, TitleMax = 150, TextMin = 20, TextMax = 4000;

    /// <summary>Checks every field; returns the errors by field name, or the validated report.</summary>
    public (NewComplaint? Report, Dictionary<string, string[]> Errors) Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (Type is null) errors["type"] = ["Required: aduan, aspirasi or permintaan_informasi."];
        CheckText(errors, "title", Title, TitleMin, TitleMax);
        CheckText(errors, "text", Text, TextMin, TextMax);
        if (Region is not null && Regions.Find(Region) is null) errors["region"] = [$"Unknown region code '{Region}'."];
        foreach (var (field, messages) in ReporterContact.Validate(Contact?.Name, Contact?.Email, Contact?.Phone)) errors[field] = messages;

        if (errors.Count > 0) return (null, errors);
        var contact = Contact is null ? null : new ReporterContact(Contact.Name?.Trim(), Contact.Email?.Trim(), Contact.Phone?.Replace(" ", "").Replace("-", ""));
        return (new NewComplaint(Type!.Value, Title!.Trim(), Text!.Trim(), Sector, Region, Anonymous ?? false, Confidential ?? false, contact), errors);
    }

    private static void CheckText(Dictionary<string, string[]> errors, string field, string? value, int min, int max)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
            errors[field] = ["Required."];
        else if (trimmed.Length < min || trimmed.Length > max)
            errors[field] = [$"Must be between {min} and {max} characters (was {trimmed.Length})."];
        else if (trimmed.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
            errors[field] = ["Must not contain control characters."];
    }
}

/// <summary>Optional ways to reach the reporter; kept in Intake only, encrypted.</summary>
public sealed record ContactRequest(string? Name, string? Email, string? Phone);
