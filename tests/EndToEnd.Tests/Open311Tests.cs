using System.Net;
using System.Net.Http.Json;
using Lapor.EndToEnd.Tests.Infrastructure;
using System.Text.Json;
using System.Xml.Linq;
using Lapor.Contracts;
using Lapor.Intake.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Lapor.EndToEnd.Tests.Infrastructure.SkeletonFlow;

namespace Lapor.EndToEnd.Tests;

/// <summary>Open311 GeoReport v2: a standard client discovers the services, posts a request with its api_key, and reads public requests back.</summary>
public sealed class Open311Tests : IClassFixture<EmbeddedLaporFactory>
{
    private const string ApiKey = "test-open311-key-0123456789";
    private readonly EmbeddedLaporFactory _lapor;

    public Open311Tests(EmbeddedLaporFactory lapor)
    {
        _lapor = lapor;
        _lapor.Settings["Lapor:Open311:ApiKeys"] = "another-client-key-000000, " + ApiKey;
    }

    private static Dictionary<string, string> Form(string description, params (string Name, string Value)[] more)
    {
        var form = new Dictionary<string, string>
        {
            ["api_key"] = ApiKey, ["service_code"] = "infrastruktur", ["description"] = description,
            ["lat"] = "-7.2905", ["long"] = "112.7398", ["address_string"] = "Jl. Raya Wonokromo depan pasar",
            ["attribute[wilayah]"] = "35.78", ["email"] = "budi.open311@contoh.id", ["first_name"] = "Budi", ["last_name"] = "Open311",
        };
        foreach (var (name, value) in more) form[name] = value;
        return form;
    }

    private async Task<(HttpStatusCode Status, string Body, string? ContentType)> SendAsync(HttpMethod method, string path, Dictionary<string, string>? form = null)
    {
        using var request = new HttpRequestMessage(method, "/open311/v2/" + path) { Content = form is null ? null : new FormUrlEncodedContent(form) };
        var response = await _lapor.CreateClient().SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<string> PostAsync(Dictionary<string, string> form)
    {
        var (status, body, _) = await SendAsync(HttpMethod.Post, "requests.json", form);
        Assert.True(status == HttpStatusCode.Created, body);
        var created = Assert.Single(JsonDocument.Parse(body).RootElement.EnumerateArray().ToList());
        var id = created.GetProperty("service_request_id").GetString()!;
        // A request is public once verified (triage's confident route verifies it); a confidential one never is.
        if (form.GetValueOrDefault("attribute[rahasia]") != "true")
            await Eventually(async () => (await SendAsync(HttpMethod.Get, $"requests/{id}.json")).Status == HttpStatusCode.OK, "the request is verified and public");
        return id;
    }

    [Fact]
    public async Task A_request_from_any_kabupaten_or_kota_is_accepted_and_an_unknown_code_is_named()
    {
        var jayapura = await SendAsync(HttpMethod.Post, "requests.json", Form("Puskesmas di Abepura tutup sejak pagi, pasien menunggu di luar.",
            ("attribute[wilayah]", "91.71"), ("service_code", "kesehatan")));
        var unknown = await SendAsync(HttpMethod.Post, "requests.json", Form("Puskesmas di Abepura tutup sejak pagi, pasien menunggu di luar.",
            ("attribute[wilayah]", "91.99")));

        Assert.True(jayapura.Status == HttpStatusCode.Created, jayapura.Body);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.Status);
        Assert.Contains("wilayah", unknown.Body);
    }

    [Fact]
    public async Task Discovery_services_and_definitions_answer_in_xml_and_json()
    {
        var (status, xml, contentType) = await SendAsync(HttpMethod.Get, "services.xml");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("text/xml", contentType);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", xml);
        var services = XDocument.Parse(xml).Root!;
        Assert.Equal("services", services.Name.LocalName);
        Assert.Equal(Enum.GetValues<Sector>().Length, services.Elements("service").Count());
        var health = services.Elements("service").Single(s => s.Element("service_code")!.Value == "kesehatan");
        Assert.Equal("Kesehatan", health.Element("service_name")!.Value);
        Assert.Equal("true", health.Element("metadata")!.Value);

        var english = new HttpRequestMessage(HttpMethod.Get, "/open311/v2/services.json");
        english.Headers.Add("Accept-Language", "en");
        var json = JsonDocument.Parse(await (await _lapor.CreateClient().SendAsync(english)).Content.ReadAsStringAsync()).RootElement;
        Assert.Contains(json.EnumerateArray(), s => s.GetProperty("service_name").GetString() == "Social assistance");

        var definition = XDocument.Parse((await SendAsync(HttpMethod.Get, "services/bansos.xml")).Body).Root!;
        Assert.Equal("service_definition", definition.Name.LocalName);
        var attributes = definition.Element("attributes")!.Elements("attribute").ToList();
        Assert.Equal(["jenis", "judul", "wilayah", "anonim", "rahasia"], attributes.Select(a => a.Element("code")!.Value));
        Assert.Contains(attributes[0].Element("values")!.Elements("value"), v => v.Element("key")!.Value == "permintaan_informasi");
        Assert.Contains(attributes[2].Element("values")!.Elements("value"), v => v.Element("key")!.Value == "35.78");

        var discovery = JsonDocument.Parse((await SendAsync(HttpMethod.Get, "discovery.json")).Body).RootElement;
        var endpoint = discovery.GetProperty("endpoints")[0];
        Assert.EndsWith("/open311/v2", endpoint.GetProperty("url").GetString());
        Assert.Contains("text/xml", endpoint.GetProperty("formats").EnumerateArray().Select(f => f.GetString()));

        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Get, "services/bogus.json")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Get, "services.csv")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Get, "services.json?jurisdiction_id=elsewhere")).Status);
    }

    [Fact]
    public async Task A_posted_request_is_a_report_that_readers_see_masked_and_without_its_reporter()
    {
        var id = await PostAsync(Form("Jalan berlubang besar di depan pasar, motor sering jatuh. Hubungi saya di 0812-3456-7890 atau NIK 3578012345678901.",
            ("attribute[judul]", "Jalan berlubang depan Pasar Wonokromo")));

        await using (var scope = _lapor.Services.CreateAsyncScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().Complaints.AsNoTracking().SingleAsync(c => c.TrackingId == id);
            Assert.Equal(Channel.Open311, stored.Channel);
            Assert.Equal("Jalan berlubang depan Pasar Wonokromo", stored.Title);
            Assert.Equal(Sector.Infrastruktur, stored.Sector);
            Assert.Equal("35.78", stored.Region);
            Assert.NotNull(stored.SealedContact);
            Assert.DoesNotContain("budi.open311", stored.SealedContact);
        }

        var (status, xml, _) = await SendAsync(HttpMethod.Get, $"requests/{id}.xml");
        Assert.Equal(HttpStatusCode.OK, status);
        var request = Assert.Single(XDocument.Parse(xml).Root!.Elements("request"));
        Assert.Equal(id, request.Element("service_request_id")!.Value);
        Assert.Equal("open", request.Element("status")!.Value);
        Assert.Equal("infrastruktur", request.Element("service_code")!.Value);
        Assert.Equal("-7.2905", request.Element("lat")!.Value);
        var description = request.Element("description")!.Value;
        Assert.DoesNotContain("0812-3456-7890", description);
        Assert.DoesNotContain("3578012345678901", description);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$", request.Element("requested_datetime")!.Value);
        Assert.DoesNotContain("Budi", xml);
        Assert.DoesNotContain("budi.open311", xml);

        // Triage routes it; the reader then sees the agency and the follow-up deadline.
        await Eventually(async () => JsonDocument.Parse((await SendAsync(HttpMethod.Get, $"requests/{id}.json")).Body)
            .RootElement[0].GetProperty("agency_responsible").ValueKind == JsonValueKind.String, "the routed agency shows");
        var routed = JsonDocument.Parse((await SendAsync(HttpMethod.Get, $"requests/{id}.json")).Body).RootElement[0];
        Assert.Equal(JsonValueKind.String, routed.GetProperty("expected_datetime").ValueKind);
        Assert.Equal("Terdisposisi", routed.GetProperty("status_notes").GetString());

        // The agency answers: its words (masked) become the status notes.
        var officer = await _lapor.CreateClient().AsAsync(_lapor.CreateClient, "officer", RoadAgency);
        await Eventually(() => InInboxAsync(officer, id), "the report reaches the inbox");
        Assert.True((await officer.PostAsJsonAsync($"/api/desk/complaints/{id}/respond",
            new { text = "Tim akan menambal jalan minggu ini; info 0812-9999-8888." })).IsSuccessStatusCode);
        await Eventually(async () => JsonDocument.Parse((await SendAsync(HttpMethod.Get, $"requests/{id}.json")).Body)
            .RootElement[0].GetProperty("status_notes").GetString()!.StartsWith("Tim akan menambal"), "the answer shows as status notes");
        Assert.DoesNotContain("0812-9999-8888", (await SendAsync(HttpMethod.Get, $"requests/{id}.json")).Body);
    }

    [Fact]
    public async Task Confidential_requests_are_never_listed_and_anonymous_ones_keep_their_place_hidden()
    {
        var hidden = await PostAsync(Form("Ada pungutan liar saat mengurus izin di kantor kecamatan, mohon ditindak.", ("attribute[rahasia]", "true")));
        var anonymous = await PostAsync(Form("Saluran air depan rumah kami tersumbat sampah sejak minggu lalu, banjir tiap hujan.", ("attribute[anonim]", "true")));

        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Get, $"requests/{hidden}.json")).Status);
        var list = JsonDocument.Parse((await SendAsync(HttpMethod.Get, $"requests.json?service_request_id={hidden},{anonymous}")).Body).RootElement;
        var only = Assert.Single(list.EnumerateArray().ToList());
        Assert.Equal(anonymous, only.GetProperty("service_request_id").GetString());
        Assert.Equal(JsonValueKind.Null, only.GetProperty("lat").ValueKind);
        Assert.Equal(JsonValueKind.Null, only.GetProperty("address").ValueKind);
    }

    [Fact]
    public async Task Requests_filter_by_service_status_and_dates()
    {
        var road = await PostAsync(Form("Lampu penerangan jalan di Jalan Darmo mati sejak dua minggu, rawan kejahatan malam hari."));
        var school = await PostAsync(Form("Sekolah negeri memungut biaya seragam yang sangat mahal dari orang tua murid baru.",
            ("service_code", "pendidikan"), ("attribute[jenis]", "aspirasi")));

        string[] Ids(string body) => [.. JsonDocument.Parse(body).RootElement.EnumerateArray().Select(r => r.GetProperty("service_request_id").GetString()!)];
        var education = Ids((await SendAsync(HttpMethod.Get, "requests.json?service_code=pendidikan&status=open")).Body);
        Assert.Contains(school, education);
        Assert.DoesNotContain(road, education);
        Assert.DoesNotContain(school, Ids((await SendAsync(HttpMethod.Get, "requests.json?status=closed")).Body));
        var lastYear = Uri.EscapeDataString(Open311Time(DateTimeOffset.UtcNow.AddYears(-1)));
        Assert.DoesNotContain(road, Ids((await SendAsync(HttpMethod.Get, $"requests.json?end_date={lastYear}")).Body));
        Assert.Contains(road, Ids((await SendAsync(HttpMethod.Get, $"requests.json?start_date={Uri.EscapeDataString(Open311Time(DateTimeOffset.UtcNow.AddHours(-1)))}")).Body));

        var (status, body, _) = await SendAsync(HttpMethod.Get, "requests.json?status=pending&start_date=yesterday");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        var errors = JsonDocument.Parse(body).RootElement.EnumerateArray().Select(e => e.GetProperty("description").GetString()!).ToList();
        Assert.Contains(errors, e => e.StartsWith("status:"));
        Assert.Contains(errors, e => e.StartsWith("start_date:"));
    }

    [Fact]
    public async Task A_bad_key_or_bad_fields_are_refused_by_name_and_nothing_is_stored()
    {
        await using var scope = _lapor.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var before = await db.Complaints.CountAsync();

        var (forbidden, body, _) = await SendAsync(HttpMethod.Post, "requests.xml", Form("Jalan rusak parah di depan pasar, mohon segera diperbaiki.", ("api_key", "wrong-key-0000000000")));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden);
        var error = XDocument.Parse(body).Root!.Element("error")!;
        Assert.Equal("403", error.Element("code")!.Value);
        Assert.StartsWith("api_key", error.Element("description")!.Value);

        var (badRequest, errors, _) = await SendAsync(HttpMethod.Post, "requests.json", Form("terlalu pendek", ("lat", "51.5"), ("long", "-0.12")));
        Assert.Equal(HttpStatusCode.BadRequest, badRequest);
        var descriptions = JsonDocument.Parse(errors).RootElement.EnumerateArray().Select(e => e.GetProperty("description").GetString()!).ToList();
        Assert.Contains(descriptions, d => d.StartsWith("description:"));
        Assert.Contains(descriptions, d => d.StartsWith("lat:"));
        Assert.Contains(descriptions, d => d.StartsWith("long:"));

        var nowhere = Form("Jalan rusak parah di depan pasar, mohon segera diperbaiki.");
        foreach (var field in new[] { "lat", "long", "address_string" }) nowhere.Remove(field);
        var (noPlace, noPlaceBody, _) = await SendAsync(HttpMethod.Post, "requests.json", nowhere);
        Assert.Equal(HttpStatusCode.BadRequest, noPlace);
        Assert.Contains("\"lat: ", noPlaceBody);

        var (unknown, unknownBody, _) = await SendAsync(HttpMethod.Post, "requests.json", Form("Jalan rusak parah di depan pasar, mohon segera diperbaiki.", ("service_code", "pajak")));
        Assert.Equal(HttpStatusCode.BadRequest, unknown);
        Assert.Contains("service_code", unknownBody);

        Assert.Equal(before, await db.Complaints.CountAsync());
    }

    private static string Open311Time(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-dd'T'HH:mm:sszzz");
}
