using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Lapor.EndToEnd.Tests.Infrastructure;
using static Lapor.EndToEnd.Tests.Infrastructure.SkeletonFlow;

namespace Lapor.EndToEnd.Tests;

/// <summary>Each service and the gateway in its own process, on the real RabbitMQ and PostgreSQL, exporting traces over OTLP.</summary>
[Trait("Category", "Distributed")]
public sealed class DistributedModeTests(TracedLapor lapor) : IClassFixture<TracedLapor>
{
    [Fact]
    public async Task A_report_filed_at_the_gateway_is_one_connected_trace_across_all_five_processes()
    {
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        var rootSpan = ActivitySpanId.CreateRandom().ToHexString();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/complaints") { Content = JsonContent.Create(RoadInSurabaya) };
        request.Headers.Add("traceparent", $"00-{traceId}-{rootSpan}-01");
        Assert.Equal(HttpStatusCode.Created, (await lapor.Client.SendAsync(request)).StatusCode);

        string[] processes = ["Lapor.Gateway", "Lapor.Intake", "Lapor.Triage", "Lapor.AgencyDesk", "Lapor.Analytics"];
        IReadOnlyList<ExportedSpan> Trace() => [.. lapor.Telemetry.Spans.Where(s => s.TraceId == traceId)];
        await Eventually(() => Task.FromResult(processes.All(p => Trace().Any(s => s.Service == p))),
            "every process exports spans of the report's trace", seconds: 60);
        // Connected: every span's parent is the caller's span or another exported span of the same trace.
        await Eventually(() => Task.FromResult(Trace().All(s => s.ParentSpanId == rootSpan || Trace().Any(p => p.SpanId == s.ParentSpanId))),
            "no span of the trace hangs off a parent nobody exported", seconds: 30);
        Assert.Contains(Trace(), s => s.Service == "Lapor.Gateway" && s.ParentSpanId == rootSpan);
    }

    [Fact]
    public Task A_report_filed_at_the_gateway_is_routed_shown_in_the_inbox_and_counted() => RunAsync(lapor.NewClient);

    /// <summary>Integrators read one document at the front door: every service's routes, merged, with the bearer scheme.</summary>
    [Fact]
    public async Task The_gateway_serves_every_services_routes_in_one_api_document()
    {
        using var document = System.Text.Json.JsonDocument.Parse(await lapor.Client.GetStringAsync("/openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths");

        foreach (var path in new[] { "/api/complaints", "/api/complaints/{trackingId}", "/api/triage/agencies", "/api/desk/inbox", "/api/analytics/summary" })
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is in the gateway's document");
        Assert.All(paths.EnumerateObject(), path => Assert.True(path.Name.StartsWith("/api/", StringComparison.Ordinal) || path.Name.StartsWith("/open311/", StringComparison.Ordinal),
            $"{path.Name} is a route the gateway forwards"));
        Assert.Equal("bearer", document.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer").GetProperty("scheme").GetString());
        Assert.True(paths.GetProperty("/api/desk/inbox").GetProperty("get").TryGetProperty("security", out _));
        Assert.DoesNotContain("Tidak terjangkau", document.RootElement.GetProperty("info").GetProperty("description").GetString());
    }

    [Fact]
    public async Task A_missed_follow_up_deadline_travels_from_triage_to_the_provinces_coordinating_desk_which_chases_the_city_office()
    {
        var officer = await lapor.Client.AsAsync(lapor.NewClient, "officer", RoadAgency);
        var receipt = await FileAsync(lapor.Client, RoadInSurabaya);
        await Eventually(() => InInboxAsync(officer, receipt.TrackingId), "the report reaches the city office", seconds: 60);

        // Time passes without an answer: in triage's own database the follow-up deadline now lies an hour behind.
        Assert.Equal(1, await lapor.Databases.ScalarAsync<int>("triage",
            "UPDATE complaints SET \"FollowUpDueAt\" = now() - interval '1 hour' WHERE \"TrackingId\" = @t RETURNING 1", ("t", receipt.TrackingId)));

        var province = await lapor.Client.AsAsync(lapor.NewClient, "supervisor", "35.setda");
        await Eventually(async () => (await province.GetFromJsonAsync<List<System.Text.Json.JsonElement>>("/api/desk/escalations"))!
            .Any(e => e.GetProperty("trackingId").GetString() == receipt.TrackingId && e.GetProperty("agencyId").GetString() == RoadAgency),
            "triage's sweep escalates the breach over RabbitMQ to the East Java coordinating desk", seconds: 60);
        Assert.Equal(HttpStatusCode.OK, (await province.PostAsJsonAsync($"/api/desk/escalations/{receipt.TrackingId}/chase",
            new { text = "Mohon segera ditindaklanjuti dan dilaporkan hari ini." })).StatusCode);
        Assert.Contains("Teguran dari 35.setda", await officer.GetStringAsync($"/api/desk/complaints/{receipt.TrackingId}"));
    }

    [Fact]
    public async Task A_report_accepted_while_intake_cannot_reach_the_broker_is_delivered_exactly_once_when_it_can()
    {
        var officer = await lapor.Client.AsAsync(lapor.NewClient, "officer", RoadAgency);
        lapor.IntakeBrokerLink.Cut();
        Receipt receipt;
        try
        {
            receipt = await FileAsync(lapor.Client, RoadInSurabaya);
            var complaintId = await lapor.Databases.ScalarAsync<Guid>("intake",
                "SELECT \"Id\" FROM complaints WHERE \"TrackingId\" = @t", ("t", receipt.TrackingId));
            Assert.NotEqual(Guid.Empty, complaintId);

            await Task.Delay(TimeSpan.FromSeconds(3));
            Assert.True(await lapor.Databases.ScalarAsync<long>("intake", "SELECT count(*) FROM outbox_messages WHERE \"SentAt\" IS NULL") >= 1,
                "the event waits in the outbox");
            Assert.False(await InInboxAsync(officer, receipt.TrackingId));
        }
        finally
        {
            lapor.IntakeBrokerLink.Restore();
        }

        await Eventually(() => InInboxAsync(officer, receipt.TrackingId),
            "the report reaches the inbox after the broker is back", seconds: 60);
        await Eventually(async () => (await TrackAsync(lapor.Client, receipt)).GetProperty("status").GetString() == "terdisposisi",
            "intake hears it was routed");

        var id = await lapor.Databases.ScalarAsync<Guid>("intake", "SELECT \"Id\" FROM complaints WHERE \"TrackingId\" = @t", ("t", receipt.TrackingId));
        Assert.Equal(1, await lapor.Databases.ScalarAsync<long>("desk", "SELECT count(*) FROM complaints WHERE \"ComplaintId\" = @id", ("id", id)));
        Assert.Equal(1, await lapor.Databases.ScalarAsync<long>("triage", "SELECT count(*) FROM complaints WHERE \"ComplaintId\" = @id", ("id", id)));
        await Eventually(async () => await lapor.Databases.ScalarAsync<long>("analytics",
            "SELECT count(*) FROM events WHERE \"ComplaintId\" = @id AND \"EventType\" = 'ComplaintSubmitted'", ("id", id)) == 1,
            "analytics kept the submission once");
        Assert.Equal(0, await lapor.Databases.ScalarAsync<long>("intake", "SELECT count(*) FROM outbox_messages WHERE \"SentAt\" IS NULL"));
    }

    [Theory]
    [InlineData("/api/desk/inbox", null, 401)]
    [InlineData("/api/desk/inbox", "citizen", 403)]
    [InlineData("/api/analytics/summary", "officer", 403)]
    [InlineData("/api/analytics/summary", "oversight", 200)]
    [InlineData("/api/analytics/public/agencies", null, 200)]
    [InlineData("/api/analytics/timeseries", "citizen", 403)]
    [InlineData("/api/admin/triage/queue", null, 401)]
    [InlineData("/api/admin/triage/queue", "oversight", 403)]
    [InlineData("/api/admin/agency-desk/queue", "verifier", 200)]
    public async Task The_gateway_enforces_roles_before_proxying(string path, string? role, int expected)
    {
        var client = role is null ? lapor.NewClient() : await lapor.Client.AsAsync(lapor.NewClient, role, role == "officer" ? RoadAgency : null);
        Assert.Equal(expected, (int)(await client.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task A_photo_larger_than_the_gateways_default_body_limit_passes_on_the_attachments_route_only()
    {
        var receipt = await FileAsync(lapor.Client, RoadInSurabaya);
        var photo = TestImages.Png(pictureBytes: 3 * 1024 * 1024);
        var form = new MultipartFormDataContent { { new ByteArrayContent(photo), "attachments", "besar.png" } };
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/complaints/{receipt.TrackingId}/attachments") { Content = form };
        request.Headers.Add("X-Access-Code", receipt.AccessCode);
        Assert.Equal(HttpStatusCode.Created, (await lapor.Client.SendAsync(request)).StatusCode);

        // Once Intake knows the report was routed, the agency's officer may list and open it.
        var officer = await lapor.Client.AsAsync(lapor.NewClient, "officer", RoadAgency);
        await Eventually(async () => (await officer.GetAsync($"/api/complaints/{receipt.TrackingId}/attachments")).IsSuccessStatusCode,
            "the handling agency may see the attachments", seconds: 60);
        var listed = await officer.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/complaints/{receipt.TrackingId}/attachments");
        Assert.Equal(photo.Length, listed[0].GetProperty("size").GetInt32());
    }

    [Fact]
    public async Task The_gateway_reports_live_and_ready_when_every_service_is()
    {
        Assert.Equal("Healthy", await lapor.Client.GetStringAsync("/health/ready"));
        Assert.Equal("Healthy", await lapor.Client.GetStringAsync("/health/live"));
    }

    [Fact]
    public async Task An_oversized_report_body_is_refused_with_413_before_it_is_read()
    {
        var huge = new StringContent("{\"text\":\"" + new string('a', 200_000) + "\"}", System.Text.Encoding.UTF8, "application/json");
        Assert.Equal(413, (int)(await lapor.Client.PostAsync("/api/complaints", huge)).StatusCode);
    }

    [Fact]
    public async Task The_portal_on_the_gateway_files_a_report_through_the_gateways_own_routes()
    {
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new System.Net.CookieContainer() }) { BaseAddress = lapor.Gateway.Address };
        var form = await browser.GetStringAsync("/lapor");
        string Hidden(string name) => System.Text.RegularExpressions.Regex.Match(form, $"name=\"{name}\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;

        var response = await browser.PostAsync("/lapor", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Hidden("__RequestVerificationToken"),
            ["Form.IdempotencyKey"] = Hidden("Form.IdempotencyKey"),
            ["Form.Type"] = "Aduan",
            ["Form.Title"] = "Jalan berlubang di depan Pasar Wonokromo",
            ["Form.Text"] = "Jalan di depan Pasar Wonokromo rusak berlubang besar sejak sebulan, sudah dua pengendara motor jatuh.",
            ["Form.Region"] = "35.78",
        }));
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var trackingId = System.Text.RegularExpressions.Regex.Match(page, "id=\"tracking-id\">(LPR-[0-9A-Z]{8})<").Groups[1].Value;
        var accessCode = System.Text.RegularExpressions.Regex.Match(page, "id=\"access-code\">([^<]+)<").Groups[1].Value;
        Assert.NotEmpty(trackingId);
        var tracked = await TrackAsync(lapor.NewClient(), new Receipt(trackingId, accessCode, "belum_terverifikasi"));
        Assert.Equal("Jalan berlubang di depan Pasar Wonokromo", tracked.GetProperty("title").GetString());
    }
}
