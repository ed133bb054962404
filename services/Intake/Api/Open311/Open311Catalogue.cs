using System.Text.Json.Nodes;
using Lapor.Contracts;
using Lapor.Contracts.Reference;
using Lapor.ServiceDefaults;

namespace Lapor.Intake.Api.Open311;

/// <summary>
/// What Lapor offers an Open311 client: one service per sector (<c>service_code</c> = the sector's id), each taking
/// the same attributes — the report's type, an optional title, the region, and the privacy choices.
/// </summary>
public static class Open311Catalogue
{
    public const string Specification = "http://wiki.open311.org/GeoReport_v2";
    /// <summary>When this catalogue last changed; clients cache service lists by it.</summary>
    public static readonly DateTimeOffset Changeset = new(2026, 11, 22, 0, 0, 0, TimeSpan.FromHours(7));

    public const string TypeAttribute = "jenis", TitleAttribute = "judul", RegionAttribute = "wilayah", AnonymousAttribute = "anonim", ConfidentialAttribute = "rahasia";

    public static JsonObject Discovery(string baseUrl, string contact) => new()
    {
        ["changeset"] = Open311Document.Time(Changeset),
        ["contact"] = contact,
        ["key_service"] = "Kunci API (api_key) untuk mengirim laporan diberikan oleh admin Lapor. / Ask Lapor's administrators for an api_key to post reports.",
        ["endpoints"] = new JsonArray(new JsonObject
        {
            ["specification"] = Specification,
            ["url"] = baseUrl,
            ["changeset"] = Open311Document.Time(Changeset),
            ["type"] = "production",
            ["formats"] = new JsonArray("text/xml", "application/json"),
        }),
    };

    public static JsonArray Services(bool english) => [.. Sectors.All.Select(s => (JsonNode)new JsonObject
    {
        ["service_code"] = LaporJson.WireName(s.Sector),
        ["service_name"] = s.In(english),
        ["description"] = english
            ? $"A complaint, suggestion or information request about {s.English.ToLowerInvariant()}."
            : $"Aduan, aspirasi atau permintaan informasi tentang {s.Indonesian.ToLowerInvariant()}.",
        ["metadata"] = true,
        ["type"] = "realtime",
        ["keywords"] = "aduan, aspirasi, permintaan informasi, lapor",
        ["group"] = "Lapor",
    })];

    public static JsonObject Definition(Sector sector, bool english) => new()
    {
        ["service_code"] = LaporJson.WireName(sector),
        ["attributes"] = new JsonArray(
            Attribute(TypeAttribute, "singlevaluelist", 1,
                english ? "Type of report" : "Jenis laporan",
                english ? "aduan (complaint, the default), aspirasi (suggestion) or permintaan_informasi (information request)"
                    : "aduan (bawaan), aspirasi atau permintaan_informasi",
                Enum.GetValues<ReportType>().Select(t => (LaporJson.WireName(t), TypeName(t, english)))),
            Attribute(TitleAttribute, "string", 2,
                english ? "Title" : "Judul",
                english ? $"{SubmitComplaintRequest.TitleMin}–{SubmitComplaintRequest.TitleMax} characters; without one, the description's opening words"
                    : $"{SubmitComplaintRequest.TitleMin}–{SubmitComplaintRequest.TitleMax} karakter; jika kosong, diambil dari awal deskripsi"),
            Attribute(RegionAttribute, "singlevaluelist", 3,
                english ? "Region (Kemendagri code)" : "Wilayah (kode Kemendagri)",
                english ? "The province, regency or city where it happened" : "Provinsi, kabupaten atau kota tempat kejadian",
                Regions.All.Select(r => (r.Code, r.Name))),
            Attribute(AnonymousAttribute, "singlevaluelist", 4,
                english ? "Anonymous" : "Anonim",
                english ? "true: nobody, not even the agency, learns who reported" : "true: identitas pelapor tidak diketahui siapa pun, termasuk instansi",
                YesNo(english)),
            Attribute(ConfidentialAttribute, "singlevaluelist", 5,
                english ? "Confidential" : "Rahasia",
                english ? "true: the report is never shown publicly" : "true: laporan tidak ditampilkan untuk publik",
                YesNo(english))),
    };

    private static JsonObject Attribute(string code, string datatype, int order, string description, string datatypeDescription,
        IEnumerable<(string Key, string Name)>? values = null)
    {
        var attribute = new JsonObject
        {
            ["variable"] = true,
            ["code"] = code,
            ["datatype"] = datatype,
            ["required"] = false,
            ["datatype_description"] = datatypeDescription,
            ["order"] = order,
            ["description"] = description,
        };
        if (values is not null)
            attribute["values"] = new JsonArray([.. values.Select(v => (JsonNode)new JsonObject { ["key"] = v.Key, ["name"] = v.Name })]);
        return attribute;
    }

    private static IEnumerable<(string, string)> YesNo(bool english) => [("false", english ? "No" : "Tidak"), ("true", english ? "Yes" : "Ya")];

    private static string TypeName(ReportType type, bool english) => (type, english) switch
    {
        (ReportType.Aduan, false) => "Aduan",
        (ReportType.Aduan, true) => "Complaint",
        (ReportType.Aspirasi, false) => "Aspirasi",
        (ReportType.Aspirasi, true) => "Suggestion",
        (_, false) => "Permintaan informasi",
        _ => "Information request",
    };
}
