using System.Globalization;
using System.Text.Json.Nodes;
using Lapor.Contracts;
using Lapor.Contracts.Reference;
using Lapor.Intake.Domain;
using Lapor.ServiceDefaults;
using static Lapor.Intake.Api.Open311.Open311Catalogue;

namespace Lapor.Intake.Api.Open311;

/// <summary>An Open311 service request: a posted form read as a Lapor report, and a public report written as a service request.</summary>
public static class Open311ServiceRequest
{
    /// <summary>Lapor's field names in a validation error, said in the form's own parameter names.</summary>
    private static readonly Dictionary<string, string> FormNames = new()
    {
        ["type"] = $"attribute[{TypeAttribute}]", ["title"] = $"attribute[{TitleAttribute}]", ["text"] = "description",
        ["region"] = $"attribute[{RegionAttribute}]", ["location"] = "address_string", ["latitude"] = "lat", ["longitude"] = "long",
        ["contact.name"] = "first_name", ["contact.email"] = "email", ["contact.phone"] = "phone",
    };

    public static string FormName(string field) => FormNames.GetValueOrDefault(field, field);

    /// <summary>The report a form describes, or the errors by form parameter for what cannot even be read (numbers, lists).</summary>
    public static (SubmitComplaintRequest? Request, List<string> Errors) Read(IFormCollection form)
    {
        var errors = new List<string>();
        string? Field(string name) => form.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.ToString().Trim() : null;
        string? AttributeOf(string code) => Field($"attribute[{code}]");

        var sector = LaporJson.FromWireName<Sector>(Field("service_code"));
        if (Field("service_code") is null) errors.Add("service_code: required; see services.xml for the codes.");
        else if (sector is null) errors.Add($"service_code: no service '{Field("service_code")}'; see services.xml for the codes.");

        var type = AttributeOf(TypeAttribute) is { } typeName ? LaporJson.FromWireName<ReportType>(typeName) : ReportType.Aduan;
        if (type is null) errors.Add($"attribute[{TypeAttribute}]: aduan, aspirasi or permintaan_informasi.");
        double? Coordinate(string name)
        {
            if (Field(name) is not { } text) return null;
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return value;
            errors.Add($"{name}: a decimal number in WGS84 degrees.");
            return null;
        }
        bool? YesNo(string code)
        {
            if (AttributeOf(code) is not { } text) return false;
            if (bool.TryParse(text, out var value)) return value;
            errors.Add($"attribute[{code}]: true or false.");
            return null;
        }
        var (latitude, longitude) = (Coordinate("lat"), Coordinate("long"));
        if (Field("lat") is null && Field("long") is null && Field("address_string") is null)
            errors.Add("lat: where it is, as lat and long, or address_string, is required.");
        var (anonymous, confidential) = (YesNo(AnonymousAttribute), YesNo(ConfidentialAttribute));
        if (errors.Count > 0) return (null, errors);

        var text = Field("description");
        var name = string.Join(' ', new[] { Field("first_name"), Field("last_name") }.OfType<string>());
        var contact = name.Length > 0 || Field("email") is not null || Field("phone") is not null
            ? new ContactRequest(name.Length > 0 ? name : null, Field("email"), Field("phone"))
            : null;
        return (new SubmitComplaintRequest(type, AttributeOf(TitleAttribute) ?? (text is null ? null : SubmitComplaintRequest.TitleFrom(text)), text,
            sector, AttributeOf(RegionAttribute), anonymous, confidential, contact, Field("address_string"), latitude, longitude), errors);
    }

    /// <summary>
    /// A public report as Open311 readers see it: personal data in its words masked, and for an anonymous report no
    /// address or coordinates (a reporter's own doorstep would name them).
    /// </summary>
    public static JsonObject Write(Complaint complaint, bool english)
    {
        var place = !complaint.Anonymous;
        return new JsonObject
        {
            ["service_request_id"] = complaint.TrackingId,
            ["status"] = IsClosed(complaint.Status) ? "closed" : "open",
            ["status_notes"] = StatusNotes(complaint, english),
            ["service_name"] = complaint.Sector is { } sector ? Sectors.Of(sector).In(english) : null,
            ["service_code"] = complaint.Sector is { } code ? LaporJson.WireName(code) : null,
            ["description"] = PersonalDataMask.Apply(complaint.Text),
            ["agency_responsible"] = complaint.AgencyName,
            ["service_notice"] = null,
            ["requested_datetime"] = Open311Document.Time(complaint.FiledAt),
            ["updated_datetime"] = Open311Document.Time(complaint.Timeline.Select(t => t.At).DefaultIfEmpty(complaint.FiledAt).Max()),
            ["expected_datetime"] = complaint.FollowUpDueAt is { } due ? Open311Document.Time(due) : null,
            ["address"] = place && complaint.Location is { } location ? PersonalDataMask.Apply(location) : null,
            ["address_id"] = null,
            ["zipcode"] = null,
            ["lat"] = place ? complaint.Latitude : null,
            ["long"] = place ? complaint.Longitude : null,
            ["media_url"] = null,
        };
    }

    /// <summary>The agency's latest answer (its words masked like the description), or else the status in words.</summary>
    private static string StatusNotes(Complaint complaint, bool english) =>
        complaint.Timeline.Where(t => t.Step is TimelineStep.AgencyResponded or TimelineStep.Resolved && t.Detail is not null)
            .OrderBy(t => t.Sequence).LastOrDefault()?.Detail is { } answer
            ? PersonalDataMask.Apply(answer)
            : TimelineLabels.Of(complaint.Status, english);

    public static readonly ComplaintStatus[] Closed = [ComplaintStatus.Selesai, ComplaintStatus.Ditutup, ComplaintStatus.Diarsipkan];

    public static bool IsClosed(ComplaintStatus status) => Closed.Contains(status);
}
