using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Lapor.Contracts;
using Lapor.Intake.Api;
using Lapor.Intake.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.Intake.Tests;

public sealed class SubmitComplaintApiTests(IntakeApiFactory factory) : IClassFixture<IntakeApiFactory>
{
    private const string ValidTitle = "Jalan berlubang di depan pasar";
    private const string ValidText = "Jalan di depan pasar kota rusak berlubang besar dan membahayakan pengendara motor.";

    [Fact]
    public async Task Filing_a_valid_report_answers_201_with_tracking_id_and_access_code_and_stores_one_event()
    {
        var before = await factory.OutboxRows();
        var response = await factory.CreateClient().PostAsJsonAsync("/api/complaints",
            new { type = "aduan", title = ValidTitle, text = ValidText, region = "35.78" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var receipt = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Matches("^LPR-[0-9A-HJKMNP-TV-Z]{8}$", receipt.GetProperty("trackingId").GetString());
        Assert.Equal(12, receipt.GetProperty("accessCode").GetString()!.Length);
        Assert.Equal("belum_terverifikasi", receipt.GetProperty("status").GetString());
        Assert.Equal(before + 1, await factory.OutboxRows());
    }

    [Theory]
    [InlineData(null, "Laporan dikirim", "Belum Terverifikasi")]
    [InlineData("en", "Report filed", "Not yet verified")]
    [InlineData("en-US,id;q=0.5", "Report filed", "Not yet verified")]
    [InlineData("id-ID,en;q=0.8", "Laporan dikirim", "Belum Terverifikasi")]
    public async Task The_timeline_speaks_bahasa_indonesia_unless_english_is_preferred(string? acceptLanguage, string filed, string status)
    {
        var client = factory.CreateClient();
        var receipt = await (await client.PostAsJsonAsync("/api/complaints",
            new { type = "aduan", title = ValidTitle, text = ValidText })).Content.ReadFromJsonAsync<JsonElement>();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/complaints/{receipt.GetProperty("trackingId").GetString()}");
        request.Headers.Add(ComplaintsApi.AccessCodeHeader, receipt.GetProperty("accessCode").GetString());
        if (acceptLanguage is not null) request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);

        var tracking = await (await client.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(filed, tracking.GetProperty("timeline")[0].GetProperty("label").GetString());
        Assert.Equal(status, tracking.GetProperty("statusLabel").GetString());
    }

    [Fact]
    public async Task A_filed_report_can_be_followed_with_its_access_code_and_not_without()
    {
        var client = factory.CreateClient();
        var receipt = await (await client.PostAsJsonAsync("/api/complaints",
            new { type = "aspirasi", title = ValidTitle, text = ValidText })).Content.ReadFromJsonAsync<JsonElement>();
        var trackingId = receipt.GetProperty("trackingId").GetString();

        using var withCode = new HttpRequestMessage(HttpMethod.Get, $"/api/complaints/{trackingId}");
        withCode.Headers.Add(ComplaintsApi.AccessCodeHeader, receipt.GetProperty("accessCode").GetString());
        var found = await client.SendAsync(withCode);
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.Equal("aspirasi", (await found.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString());

        using var wrongCode = new HttpRequestMessage(HttpMethod.Get, $"/api/complaints/{trackingId}");
        wrongCode.Headers.Add(ComplaintsApi.AccessCodeHeader, "AAAAAAAAAAAA");
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(wrongCode)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/complaints/{trackingId}")).StatusCode);
    }

    public static TheoryData<string, string> BadBodies => new()
    {
        { "", "body" },
        { "null", "body" },
        { "[1,2]", "body" },
        { "{\"type\":\"aduan\",\"title\":42,\"text\":\"" + ValidText + "\"}", "title" },
        { "{\"type\":\"keluhan\",\"title\":\"" + ValidTitle + "\",\"text\":\"" + ValidText + "\"}", "type" },
        { "{\"type\":3,\"title\":\"" + ValidTitle + "\",\"text\":\"" + ValidText + "\"}", "type" },
        { "{\"title\":\"" + ValidTitle + "\",\"text\":\"" + ValidText + "\"}", "type" },
        { "{\"type\":\"aduan\",\"text\":\"" + ValidText + "\"}", "title" },
        { "{\"type\":\"aduan\",\"title\":\"pendek\",\"text\":\"" + ValidText + "\"}", "title" },
        { "{\"type\":\"aduan\",\"title\":\"" + ValidTitle + "\",\"text\":\"" + new string('a', 4001) + "\"}", "text" },
        { "{\"type\":\"aduan\",\"title\":\"" + ValidTitle + "\",\"text\":\"" + ValidText + "\\u0007\"}", "text" },
        { "{\"type\":\"aduan\",\"title\":\"" + ValidTitle + "\",\"text\":\"" + ValidText + "\",\"region\":\"99.99\"}", "region" },
        { "{\"type\":\"aduan\",\"title\":\"" + ValidTitle + "\",\"text\":\"" + ValidText + "\",\"anonymous\":\"ya\"}", "anonymous" },
        { "{\"type\":\"aduan\",\"title\":\"" + ValidTitle + "\",", "body" },
        { "{\"type\":\"aduan\",\"title\":\"" + ValidTitle + "\",\"text\":\"" + ValidText + "\",\"contact\":{\"email\":\"bukan-email\"}}", "contact.email" },
        { "{\"type\":\"aduan\",\"title\":\"" + ValidTitle + "\",\"text\":\"" + ValidText + "\",\"contact\":{\"phone\":\"12345\"}}", "contact.phone" },
        { "{\"type\":\"aduan\",\"title\":\"" + ValidTitle + "\",\"text\":\"" + ValidText + "\",\"contact\":\"siti\"}", "contact" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Bad_input_answers_400_problem_details_naming_the_field_and_stores_nothing(string body, string field)
    {
        var storedBefore = await factory.StoredComplaints();
        var outboxBefore = await factory.OutboxRows();

        var response = await factory.CreateClient().PostAsync("/api/complaints", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"errors should name '{field}': {problem}");
        Assert.Equal(storedBefore, await factory.StoredComplaints());
        Assert.Equal(outboxBefore, await factory.OutboxRows());
    }

    [Theory]
    [InlineData(null, "Wajib diisi.", "Harus 20 sampai 4000 karakter (sekarang 6).")]
    [InlineData("id-ID", "Wajib diisi.", "Harus 20 sampai 4000 karakter (sekarang 6).")]
    [InlineData("en", "Required.", "Must be between 20 and 4000 characters (was 6).")]
    public async Task Problems_speak_the_requested_language(string? language, string required, string tooShort)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/complaints")
        {
            Content = new StringContent("{\"type\":\"aduan\",\"text\":\"pendek\"}", Encoding.UTF8, "application/json"),
        };
        if (language is not null) request.Headers.Add("Accept-Language", language);
        var problem = await (await factory.CreateClient().SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(required, problem.GetProperty("errors").GetProperty("title")[0].GetString());
        Assert.Equal(tooShort, problem.GetProperty("errors").GetProperty("text")[0].GetString());
    }

    [Fact]
    public async Task A_very_long_single_word_is_refused_by_length_and_a_long_word_within_it_is_kept_whole()
    {
        var client = factory.CreateClient();
        var tooLong = await client.PostAsJsonAsync("/api/complaints", new { type = "aduan", title = ValidTitle, text = new string('x', 5000) });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.True((await tooLong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("text", out _));

        var word = "https://contoh.id/" + new string('a', 1500);
        var receipt = await (await client.PostAsJsonAsync("/api/complaints", new { type = "aduan", title = ValidTitle, text = "Tautan bukti: " + word }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var stored = await factory.InDatabase(db => Task.FromResult(db.Complaints.Single(c => c.TrackingId == receipt.GetProperty("trackingId").GetString()).Text));
        Assert.EndsWith(word, stored);
    }

    [Fact]
    public async Task Script_tags_in_text_are_stored_as_text()
    {
        var client = factory.CreateClient();
        const string text = "Petugas menulis <script>alert('x')</script> di papan pengumuman puskesmas kami.";
        var receipt = await (await client.PostAsJsonAsync("/api/complaints",
            new { type = "aduan", title = ValidTitle, text })).Content.ReadFromJsonAsync<JsonElement>();

        var stored = await factory.InDatabase(db => Task.FromResult(db.Complaints.Single(c => c.TrackingId == receipt.GetProperty("trackingId").GetString()).Text));
        Assert.Equal(text, stored);
    }
}

public sealed class ReporterPrivacyTests(IntakeApiFactory factory) : IClassFixture<IntakeApiFactory>
{
    [Fact]
    public async Task Contact_details_are_stored_encrypted_and_can_be_read_back_only_through_the_vault()
    {
        var email = $"siti.{Guid.NewGuid():N}@contoh.id";
        var response = await factory.CreateClient().PostAsJsonAsync("/api/complaints", new
        {
            type = "aduan", title = "Pungli di kantor kelurahan", text = "Petugas kelurahan meminta uang untuk surat pengantar yang seharusnya gratis.",
            anonymous = true, contact = new { name = "Siti Aminah", email, phone = "0812-3456-7890" },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var trackingId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trackingId").GetString();

        var stored = await factory.InDatabase(db => Task.FromResult(db.Complaints.Single(c => c.TrackingId == trackingId)));
        Assert.NotNull(stored.SealedContact);
        Assert.DoesNotContain(email, stored.SealedContact);
        Assert.DoesNotContain("Siti", stored.SealedContact);
        var vault = factory.Services.GetRequiredService<Lapor.Intake.Domain.ReporterVault>();
        Assert.Equal(new Lapor.Intake.Domain.ReporterContact("Siti Aminah", email, "081234567890"), vault.Open(stored.SealedContact));

        var outbox = await factory.InDatabase(db => Task.FromResult(db.OutboxMessages.Select(m => m.Body).ToList()));
        Assert.DoesNotContain(outbox, body => body.Contains(email) || body.Contains("Siti"));
    }
}

public sealed class IdempotencyTests(IntakeApiFactory factory) : IClassFixture<IntakeApiFactory>
{
    private static object Report(string title = "Lampu jalan mati di gang kami") => new
    {
        type = "aduan", title, text = "Lampu jalan di gang kami mati sejak dua minggu, warga takut lewat malam hari.", region = "33.10",
    };

    private Task<HttpResponseMessage> Post(string key, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/complaints") { Content = JsonContent.Create(body) };
        request.Headers.Add(ComplaintsApi.IdempotencyKeyHeader, key);
        return factory.CreateClient().SendAsync(request);
    }

    [Fact]
    public async Task Filing_twice_with_the_same_idempotency_key_creates_one_report_and_answers_the_same()
    {
        var key = Guid.NewGuid().ToString();
        var before = await factory.StoredComplaints();

        var first = await (await Post(key, Report())).Content.ReadFromJsonAsync<JsonElement>();
        var retry = await Post(key, Report());

        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        var again = await retry.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(first.GetProperty("trackingId").GetString(), again.GetProperty("trackingId").GetString());
        Assert.Equal(first.GetProperty("accessCode").GetString(), again.GetProperty("accessCode").GetString());
        Assert.Equal(before + 1, await factory.StoredComplaints());
    }

    [Fact]
    public async Task The_same_key_with_a_different_body_is_refused_with_422()
    {
        var key = Guid.NewGuid().ToString();
        await Post(key, Report());
        var before = await factory.StoredComplaints();

        var response = await Post(key, Report("Lampu jalan mati di gang sebelah"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await factory.StoredComplaints());
    }

    [Fact]
    public async Task An_expired_key_is_free_again_for_a_new_report()
    {
        var key = Guid.NewGuid().ToString();
        var first = await (await Post(key, Report())).Content.ReadFromJsonAsync<JsonElement>();
        // A day and a bit later, by the stored key's clock.
        await factory.InDatabase(async db =>
        {
            var stored = await db.IdempotentRequests.SingleAsync(r => r.Key == IdempotentRequest.Scoped(Channel.Api, null, key));
            db.Entry(stored).Property(r => r.CreatedAt).CurrentValue = stored.CreatedAt - IdempotentRequest.Lifetime - TimeSpan.FromHours(1);
            return await db.SaveChangesAsync();
        });
        var before = await factory.StoredComplaints();

        var response = await Post(key, Report("Lampu jalan mati di gang sebelah"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.NotEqual(first.GetProperty("trackingId").GetString(), (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trackingId").GetString());
        Assert.Equal(before + 1, await factory.StoredComplaints());
    }

    [Fact]
    public async Task Concurrent_retries_with_one_key_store_one_report()
    {
        var key = Guid.NewGuid().ToString();
        var before = await factory.StoredComplaints();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Post(key, Report())));
        var ids = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trackingId").GetString()));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Single(ids.Distinct());
        Assert.Equal(before + 1, await factory.StoredComplaints());
    }
}
