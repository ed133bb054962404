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
    ContactRequest? Contact = null,
    string? Location = null,
    double? Latitude = null,
    double? Longitude = null,
    DateOnly? IncidentDate = null)
{
    public const int TitleMin = 10, TitleMax = 150, TextMin = 20, TextMax = 4000, LocationMax = Complaint.LocationMaxLength;

    // Indonesia's bounding box, generously: Rondo Island to Merauke, Miangas to Rote.
    private const double SouthMost = -11.5, NorthMost = 6.5, WestMost = 94.5, EastMost = 141.5;
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    /// <summary>Checks every field; returns the errors by field name, or the validated report.</summary>
    public (NewComplaint? Report, Dictionary<string, string[]> Errors) Validate(DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        if (Type is null) errors["type"] = ["Required: aduan, aspirasi or permintaan_informasi."];
        CheckText(errors, "title", Title, TitleMin, TitleMax);
        CheckText(errors, "text", Text, TextMin, TextMax);
        if (Region is not null && Regions.Find(Region) is null) errors["region"] = [$"Unknown region code '{Region}'."];
        foreach (var (field, messages) in ReporterContact.Validate(Contact?.Name, Contact?.Email, Contact?.Phone)) errors[field] = messages;
        var location = Location is null ? null : CitizenText.Clean(Location);
        if (location is not null && (location.Length > LocationMax || location.Any(char.IsControl) || !CitizenText.IsWellFormed(location)))
            errors["location"] = [$"At most {LocationMax} characters, no control characters."];
        if (Latitude is null != Longitude is null)
            errors[Latitude is null ? "latitude" : "longitude"] = ["Give both latitude and longitude, or neither."];
        else if (Latitude is { } lat && Longitude is { } lon)
        {
            if (lat is < SouthMost or > NorthMost || double.IsNaN(lat)) errors["latitude"] = [$"Must lie in Indonesia ({SouthMost} to {NorthMost})."];
            if (lon is < WestMost or > EastMost || double.IsNaN(lon)) errors["longitude"] = [$"Must lie in Indonesia ({WestMost} to {EastMost})."];
        }
        if (IncidentDate is { } date && date > DateOnly.FromDateTime(now.ToOffset(Wib).DateTime))
            errors["incidentDate"] = ["Cannot be in the future."];

        if (errors.Count > 0) return (null, errors);
        var contact = Contact is null ? null : new ReporterContact(Contact.Name?.Trim(), Contact.Email?.Trim(), Contact.Phone?.Replace(" ", "").Replace("-", ""));
        var place = Location is null && Latitude is null && IncidentDate is null
            ? null
            : new Place(string.IsNullOrWhiteSpace(location) ? null : location, Latitude, Longitude, IncidentDate);
        return (new NewComplaint(Type!.Value, CitizenText.Clean(Title!), CitizenText.Clean(Text!), Sector, Region, Anonymous ?? false, Confidential ?? false,
            contact, place), errors);
    }

    /// <summary>A title from a text's opening words (at most 80 characters, cut at a word), for channels that have no title field.</summary>
    public static string TitleFrom(string text)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (flat.Length <= 80) return flat;
        var cut = flat.LastIndexOf(' ', 80);
        return flat[..(cut > 20 ? cut : 80)] + "…";
    }

    private static void CheckText(Dictionary<string, string[]> errors, string field, string? value, int min, int max)
    {
        var trimmed = value is null ? null : CitizenText.Clean(value);
        if (string.IsNullOrEmpty(trimmed))
            errors[field] = ["Required."];
        else if (trimmed.Length < min || trimmed.Length > max)
            errors[field] = [$"Must be between {min} and {max} characters (was {trimmed.Length})."];
        else if (!CitizenText.IsWellFormed(trimmed))
            errors[field] = [CitizenText.Refusal];
    }
}

/// <summary>Optional ways to reach the reporter; kept in Intake only, encrypted.</summary>
public sealed record ContactRequest(string? Name, string? Email, string? Phone);
