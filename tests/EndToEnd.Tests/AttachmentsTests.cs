using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Lapor.EndToEnd.Tests.Infrastructure;
using static Lapor.EndToEnd.Tests.Infrastructure.SkeletonFlow;

namespace Lapor.EndToEnd.Tests;

/// <summary>Photos and PDFs: checked by content, stored outside the database, served only to those entitled to the report.</summary>
public sealed class AttachmentsTests(EmbeddedLaporFactory lapor) : IClassFixture<EmbeddedLaporFactory>
{
    private static readonly byte[] Png = TestImages.Png();
    private static readonly byte[] Pdf = [.. "%PDF-1.7 surat keterangan"u8];
    private static readonly byte[] Program = [0x4D, 0x5A, 0x90, 0x00, .. "not a photo"u8];

    private static MultipartFormDataContent Files(params (string Name, byte[] Content)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, content) in files) form.Add(new ByteArrayContent(content), "attachments", name);
        return form;
    }

    private Task<HttpResponseMessage> UploadAsync(Receipt receipt, MultipartFormDataContent form, string? code = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/complaints/{receipt.TrackingId}/attachments") { Content = form };
        request.Headers.Add("X-Access-Code", code ?? receipt.AccessCode);
        return lapor.CreateClient().SendAsync(request);
    }

    [Fact]
    public async Task The_reporter_attaches_a_photo_and_a_pdf_that_the_handling_agency_can_open_and_nobody_else()
    {
        var citizen = lapor.CreateClient();
        var receipt = await FileAsync(citizen, RoadInSurabaya);

        var uploaded = await UploadAsync(receipt, Files(("foto.jpg.png", Png), ("surat.pdf", Pdf)));
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var views = (await uploaded.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToList();
        Assert.Equal(["image/png", "application/pdf"], views.Select(v => v.GetProperty("contentType").GetString()));
        var photo = views[0].GetProperty("id").GetString();

        // The reporter, with the access code.
        var own = new HttpRequestMessage(HttpMethod.Get, $"/api/complaints/{receipt.TrackingId}/attachments/{photo}");
        own.Headers.Add("X-Access-Code", receipt.AccessCode);
        var download = await citizen.SendAsync(own);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Png, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/png", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Contains("sandbox", download.Headers.GetValues("Content-Security-Policy").Single());

        // Nobody else: no code, a wrong code, another agency, a citizen's token.
        var path = $"/api/complaints/{receipt.TrackingId}/attachments/{photo}";
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.GetAsync(path)).StatusCode);
        var wrong = new HttpRequestMessage(HttpMethod.Get, path);
        wrong.Headers.Add("X-Access-Code", "WRONG-CODE-1234");
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.SendAsync(wrong)).StatusCode);
        var otherAgency = await citizen.AsAsync(lapor.CreateClient, "officer", "35.78.dinkes");
        var officer = await citizen.AsAsync(lapor.CreateClient, "officer", RoadAgency);
        await Eventually(() => InInboxAsync(officer, receipt.TrackingId), "the report reaches the inbox");
        Assert.Equal(HttpStatusCode.NotFound, (await otherAgency.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await citizen.AsAsync(lapor.CreateClient, "citizen")).GetAsync(path)).StatusCode);

        // The agency handling it, and verifiers; the desk lists both files.
        Assert.Equal(Png, await officer.GetByteArrayAsync(path));
        Assert.Equal(HttpStatusCode.OK, (await (await citizen.AsAsync(lapor.CreateClient, "verifier")).GetAsync(path)).StatusCode);
        await Eventually(async () => (await officer.GetFromJsonAsync<JsonElement>($"/api/desk/complaints/{receipt.TrackingId}"))
            .GetProperty("attachments").GetArrayLength() == 2, "the desk lists the attachments");

        // Stored outside the database under server-chosen names, never the device's.
        var stored = Directory.GetFiles(Path.Combine(lapor.DataDirectory, "attachments")).Select(Path.GetFileName).ToList();
        Assert.Contains(Guid.Parse(photo!).ToString("N"), stored);
        Assert.DoesNotContain(stored, name => name!.Contains("foto") || name.Contains("surat"));
    }

    [Fact]
    public async Task A_file_that_is_not_a_photo_or_pdf_by_its_content_or_a_fourth_file_is_refused_naming_the_field()
    {
        var receipt = await FileAsync(lapor.CreateClient(), RoadInSurabaya);

        var disguised = await UploadAsync(receipt, Files(("foto.jpg", Program)));
        Assert.Equal(HttpStatusCode.BadRequest, disguised.StatusCode);
        Assert.Contains("foto.jpg", (await disguised.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("attachments")[0].GetString());

        Assert.Equal(HttpStatusCode.Created, (await UploadAsync(receipt, Files(("a.png", TestImages.Png(pictureBytes: 1)), ("b.png", TestImages.Png(pictureBytes: 2))))).StatusCode);
        var fourth = await UploadAsync(receipt, Files(("c.png", TestImages.Png(pictureBytes: 3)), ("d.png", TestImages.Png(pictureBytes: 4))));
        Assert.Equal(HttpStatusCode.BadRequest, fourth.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await UploadAsync(receipt, Files(("e.png", Png)), code: "WRONG-CODE-1234")).StatusCode);

        var json = new HttpRequestMessage(HttpMethod.Post, $"/api/complaints/{receipt.TrackingId}/attachments") { Content = JsonContent.Create(new { }) };
        json.Headers.Add("X-Access-Code", receipt.AccessCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await lapor.CreateClient().SendAsync(json)).StatusCode);
    }

    private async Task<List<JsonElement>> ListAsync(Receipt receipt)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/complaints/{receipt.TrackingId}/attachments");
        request.Headers.Add("X-Access-Code", receipt.AccessCode);
        return (await (await lapor.CreateClient().SendAsync(request)).Content.ReadFromJsonAsync<List<JsonElement>>())!;
    }

    [Fact]
    public async Task The_same_photo_sent_again_is_the_attachment_already_kept()
    {
        var receipt = await FileAsync(lapor.CreateClient(), RoadInSurabaya);
        var photo = TestImages.Jpeg(withMetadata: true);

        var first = await (await UploadAsync(receipt, Files(("lubang.jpg", photo)))).Content.ReadFromJsonAsync<List<JsonElement>>();
        var again = await UploadAsync(receipt, Files(("lubang.jpg", photo), ("lubang (1).jpg", photo)));

        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        var answered = (await again.Content.ReadFromJsonAsync<List<JsonElement>>())!;
        Assert.Equal([first![0].GetProperty("id").GetString()], answered.Select(a => a.GetProperty("id").GetString()));
        Assert.Single(await ListAsync(receipt));
    }

    [Fact]
    public async Task Uploads_sent_side_by_side_never_keep_more_than_three_files()
    {
        var receipt = await FileAsync(lapor.CreateClient(), RoadInSurabaya);

        var responses = await Task.WhenAll(Enumerable.Range(1, 8).Select(i => UploadAsync(receipt, Files(($"foto{i}.png", TestImages.Png(pictureBytes: i))))));

        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.BadRequest, $"answered {(int)r.StatusCode}"));
        var kept = await ListAsync(receipt);
        Assert.InRange(kept.Count, 1, 3);
        Assert.Equal(kept.Count, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
    }

    private async Task<byte[]> StoredAsync(Receipt receipt, string id)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/complaints/{receipt.TrackingId}/attachments/{id}");
        request.Headers.Add("X-Access-Code", receipt.AccessCode);
        return await (await lapor.CreateClient().SendAsync(request)).Content.ReadAsByteArrayAsync();
    }

    [Fact]
    public async Task Photos_lose_their_gps_position_camera_serial_xmp_and_comments_and_keep_their_picture()
    {
        var receipt = await FileAsync(lapor.CreateClient(), RoadInSurabaya);
        var pdf = (byte[])[.. "%PDF-1.4\n1 0 obj << /Author (Siti Rahmawati) /Producer (HP LaserJet SN-CAM-SERIAL-8812345) >> endobj\n"u8,
            .. "2 0 obj << /Type /Metadata >> stream\n<x:xmpmeta>GPS -7.2905 112.7398</x:xmpmeta>\nendstream endobj\n%%EOF"u8];

        var uploaded = await UploadAsync(receipt, Files(("gps.jpg", TestImages.Jpeg(withMetadata: true)), ("gps.png", TestImages.Png(withMetadata: true)), ("surat.pdf", pdf)));
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var ids = (await uploaded.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Select(v => v.GetProperty("id").GetString()!).ToList();

        var jpeg = await StoredAsync(receipt, ids[0]);
        var png = await StoredAsync(receipt, ids[1]);
        var document = await StoredAsync(receipt, ids[2]);
        Assert.Equal(TestImages.Jpeg(), jpeg);
        Assert.Equal(TestImages.Png(), png);
        Assert.Equal(pdf.Length, document.Length); // blanked in place: every offset in the file still holds
        foreach (var stored in new[] { jpeg, png, document })
        {
            var text = System.Text.Encoding.Latin1.GetString(stored);
            Assert.DoesNotContain(TestImages.Serial, text);
            Assert.DoesNotContain("-7.2905", text);
            Assert.DoesNotContain("Siti", text);
        }
    }

    [Fact]
    public async Task A_photo_cut_short_is_refused_by_name()
    {
        var receipt = await FileAsync(lapor.CreateClient(), RoadInSurabaya);
        var whole = TestImages.Png();
        var response = await UploadAsync(receipt, Files(("potong.png", whole[..20])));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("potong.png", await response.Content.ReadAsStringAsync());
    }
}
