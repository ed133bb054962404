using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lapor.EndToEnd.Tests.Infrastructure;
using static Lapor.EndToEnd.Tests.Infrastructure.SkeletonFlow;

namespace Lapor.EndToEnd.Tests;

/// <summary>The desk knows its officers: from their sign-ins, or added by a supervisor; reports go only to active ones.</summary>
public sealed class OfficersTests(EmbeddedLaporFactory lapor) : IClassFixture<EmbeddedLaporFactory>
{
    private static Task<HttpResponseMessage> AssignAsync(HttpClient supervisor, Receipt receipt, string officerId) =>
        supervisor.PostAsJsonAsync($"/api/desk/complaints/{receipt.TrackingId}/assign", new { officerId });

    [Fact]
    public async Task A_supervisor_assigns_only_active_officers_of_the_agency_and_adds_or_deactivates_them()
    {
        var anonymous = lapor.CreateClient();
        var officer = await anonymous.AsAsync(lapor.CreateClient, "officer", RoadAgency, name: "Sinta");
        var receipt = await FileAsync(anonymous, RoadInSurabaya);
        await Eventually(() => InInboxAsync(officer, receipt.TrackingId), "the report reaches the inbox"); // Sinta signs in
        var supervisor = await anonymous.AsAsync(lapor.CreateClient, "supervisor", RoadAgency, name: "Kepala Bidang");
        var officers = await supervisor.GetFromJsonAsync<List<JsonElement>>("/api/desk/officers");
        var sinta = officers!.Single(o => o.GetProperty("name").GetString() == "Sinta").GetProperty("officerId").GetString()!;

        var ghost = await AssignAsync(supervisor, receipt, "ghost-officer-xyz");
        Assert.Equal(HttpStatusCode.BadRequest, ghost.StatusCode);
        Assert.True((await ghost.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("officerId", out _));
        var healthOfficer = await anonymous.AsAsync(lapor.CreateClient, "officer", "35.78.dinkes", name: "Dokter Lain");
        Assert.Equal(HttpStatusCode.OK, (await healthOfficer.GetAsync("/api/desk/inbox")).StatusCode); // known, but to another agency
        Assert.Equal(HttpStatusCode.BadRequest, (await AssignAsync(supervisor, receipt, "officer:35.78.dinkes:Dokter Lain")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await AssignAsync(supervisor, receipt, sinta)).StatusCode);

        // A new officer added before their first sign-in can be given work; one deactivated cannot, nor claim.
        Assert.Equal(HttpStatusCode.OK, (await supervisor.PostAsJsonAsync("/api/desk/officers", new { officerId = "nip-198702", name = "Rudi Baru" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await AssignAsync(supervisor, receipt, "nip-198702")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.PostAsJsonAsync("/api/desk/officers", new { officerId = sinta, active = false })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await AssignAsync(supervisor, receipt, sinta)).StatusCode);
        var second = await FileAsync(anonymous, RoadInSurabaya);
        await Eventually(() => InInboxAsync(officer, second.TrackingId), "the second report reaches the inbox");
        Assert.Equal(HttpStatusCode.BadRequest, (await officer.PostAsJsonAsync($"/api/desk/complaints/{second.TrackingId}/claim", new { })).StatusCode);
        Assert.False((await supervisor.GetFromJsonAsync<List<JsonElement>>("/api/desk/officers"))!.Single(o => o.GetProperty("officerId").GetString() == sinta)
            .GetProperty("active").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsJsonAsync("/api/desk/officers", new { officerId = "nip-000001" })).StatusCode);
    }
}
