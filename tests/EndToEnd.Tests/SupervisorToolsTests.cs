using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lapor.EndToEnd.Tests.Infrastructure;
using static Lapor.EndToEnd.Tests.Infrastructure.SkeletonFlow;

namespace Lapor.EndToEnd.Tests;

/// <summary>A supervisor assigns several reports at once (all or none) and takes the inbox as CSV; officers may do neither.</summary>
public sealed class SupervisorToolsTests(EmbeddedLaporFactory lapor) : IClassFixture<EmbeddedLaporFactory>
{
    [Fact]
    public async Task A_supervisor_assigns_several_reports_to_one_officer_all_or_none_and_exports_the_inbox()
    {
        var citizen = lapor.CreateClient();
        var supervisor = await citizen.AsAsync(lapor.CreateClient, "supervisor", RoadAgency, name: "Kepala Seksi");
        var officer = await citizen.AsAsync(lapor.CreateClient, "officer", RoadAgency, name: "Bayu Petugas");
        var receipts = new List<Receipt>();
        for (var i = 0; i < 3; i++) receipts.Add(await FileAsync(citizen, RoadInSurabaya));
        foreach (var receipt in receipts) await Eventually(() => InInboxAsync(officer, receipt.TrackingId), "the report reaches the inbox");
        var bayu = (await supervisor.GetFromJsonAsync<List<JsonElement>>("/api/desk/officers"))!
            .Single(o => o.GetProperty("name").GetString() == "Bayu Petugas").GetProperty("officerId").GetString()!;

        // One id that is not this agency's: nothing is assigned.
        var refused = await supervisor.PostAsJsonAsync("/api/desk/assignments", new { trackingIds = new[] { receipts[0].TrackingId, "LPR-ZZZZZZZZ" }, officerId = bayu });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("LPR-ZZZZZZZZ", await refused.Content.ReadAsStringAsync());
        var untouched = await officer.GetFromJsonAsync<JsonElement>($"/api/desk/complaints/{receipts[0].TrackingId}");
        Assert.False(untouched.TryGetProperty("assignedTo", out var holder) && holder.ValueKind == JsonValueKind.String, "nobody was assigned");

        var assigned = await supervisor.PostAsJsonAsync("/api/desk/assignments", new { trackingIds = receipts.Take(2).Select(r => r.TrackingId.ToLowerInvariant()), officerId = bayu });
        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        Assert.Equal(2, (await assigned.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("assigned").GetArrayLength());
        foreach (var receipt in receipts.Take(2))
            Assert.Equal(bayu, (await officer.GetFromJsonAsync<JsonElement>($"/api/desk/complaints/{receipt.TrackingId}")).GetProperty("assignedTo").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsJsonAsync("/api/desk/assignments", new { trackingIds = new[] { receipts[2].TrackingId }, officerId = bayu })).StatusCode);

        var export = await supervisor.GetAsync("/api/desk/inbox.csv?assigned=unassigned");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.StartsWith("text/csv", export.Content.Headers.ContentType!.ToString());
        var csv = await export.Content.ReadAsStringAsync();
        Assert.StartsWith("tracking_id,type,sector,region,title,status,assigned_to,routed_at,follow_up_due_at,overdue", csv);
        Assert.Contains(receipts[2].TrackingId, csv);
        Assert.DoesNotContain(receipts[0].TrackingId, csv); // assigned, so filtered out like the inbox would
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/api/desk/inbox.csv")).StatusCode);
    }
}
