using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lapor.EndToEnd.Tests.Infrastructure;
using static Lapor.EndToEnd.Tests.Infrastructure.SkeletonFlow;

namespace Lapor.EndToEnd.Tests;

/// <summary>An officer keeps named inbox views ("mine, overdue first"): only the inbox's own filters, valid, theirs alone.</summary>
public sealed class SavedViewsTests(EmbeddedLaporFactory lapor) : IClassFixture<EmbeddedLaporFactory>
{
    [Fact]
    public async Task An_officer_saves_replaces_lists_and_deletes_their_own_views()
    {
        var anonymous = lapor.CreateClient();
        var budi = await anonymous.AsAsync(lapor.CreateClient, "officer", RoadAgency, name: "Budi Tampilan");
        var sari = await anonymous.AsAsync(lapor.CreateClient, "officer", RoadAgency, name: "Sari Tampilan");

        var saved = await budi.PutAsJsonAsync("/api/desk/views/Milik saya, terlambat dulu", new { query = "?sort=deadline&overdue=true&assigned=me" });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        // Kept in the inbox's own order of parameters, whatever order they came in.
        Assert.Equal("overdue=true&assigned=me&sort=deadline", (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("query").GetString());
        Assert.Equal(HttpStatusCode.OK, (await budi.PutAsJsonAsync("/api/desk/views/Milik saya, terlambat dulu", new { query = "assigned=me&sort=date" })).StatusCode);

        foreach (var bad in new[] { "cursor=abc", "status=entah", "overdue=mungkin", "sort=deadline&sort=date", "dueWithinDays=99" })
        {
            var refused = await budi.PutAsJsonAsync("/api/desk/views/Salah", new { query = bad });
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("query", await refused.Content.ReadAsStringAsync());
        }

        var views = await budi.GetFromJsonAsync<List<JsonElement>>("/api/desk/views");
        var view = Assert.Single(views!);
        Assert.Equal(("Milik saya, terlambat dulu", "assigned=me&sort=date"), (view.GetProperty("name").GetString(), view.GetProperty("query").GetString()));
        Assert.Empty((await sari.GetFromJsonAsync<List<JsonElement>>("/api/desk/views"))!); // another officer's are not theirs
        Assert.Equal(HttpStatusCode.NotFound, (await sari.DeleteAsync("/api/desk/views/Milik saya, terlambat dulu")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await budi.GetAsync("/api/desk/inbox?" + view.GetProperty("query").GetString())).StatusCode); // the inbox takes it as it is
        Assert.Equal(HttpStatusCode.NoContent, (await budi.DeleteAsync("/api/desk/views/Milik saya, terlambat dulu")).StatusCode);
        Assert.Empty((await budi.GetFromJsonAsync<List<JsonElement>>("/api/desk/views"))!);
    }
}
