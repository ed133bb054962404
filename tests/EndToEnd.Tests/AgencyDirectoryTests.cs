using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lapor.EndToEnd.Tests.Infrastructure;
using static Lapor.EndToEnd.Tests.Infrastructure.SkeletonFlow;

namespace Lapor.EndToEnd.Tests;

/// <summary>Verifiers keep the agency directory: additions and edits are checked, announced, and the desk and dashboards follow.</summary>
public sealed class AgencyDirectoryTests(EmbeddedLaporFactory lapor) : IClassFixture<EmbeddedLaporFactory>
{
    private static object Agency(string name, string level, string? region, string[] sectors, string? id = null) =>
        new { id, name, level, region, sectors, handles = "Layanan informasi publik dan aduan tentang situs pemerintah kota.", reason = "Struktur organisasi baru" };

    [Fact]
    public async Task Verifiers_add_agencies_with_checked_fields_and_nobody_else_may()
    {
        var anonymous = lapor.CreateClient();
        var verifier = await anonymous.AsAsync(lapor.CreateClient, "verifier");
        var officer = await anonymous.AsAsync(lapor.CreateClient, "officer", "36.73.dlh");

        var added = await verifier.PostAsJsonAsync("/api/triage/agencies",
            Agency("Dinas Komunikasi dan Informatika Kota Serang", "kota", "36.73", ["lainnya"], "36.73.diskominfo"));
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var agency = await anonymous.GetFromJsonAsync<JsonElement>("/api/triage/agencies/36.73.diskominfo");
        Assert.Equal("Dinas Komunikasi dan Informatika Kota Serang", agency.GetProperty("name").GetString());
        Assert.Equal(1, agency.GetProperty("version").GetInt32());

        Assert.Equal(HttpStatusCode.Conflict, (await verifier.PostAsJsonAsync("/api/triage/agencies",
            Agency("Dinas Komunikasi dan Informatika Kota Serang", "kota", "36.73", ["lainnya"], "36.73.diskominfo"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsJsonAsync("/api/triage/agencies",
            Agency("Dinas Pariwisata Kota Serang", "kota", "36.73", ["lainnya"], "36.73.dispar"))).StatusCode);

        var bad = await verifier.PostAsJsonAsync("/api/triage/agencies", Agency("D", "kota", "36", [], "Kota Serang!"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "id", "name", "region", "sectors" }) Assert.True(errors.TryGetProperty(field, out _), $"errors name {field}: {errors}");

        var national = await verifier.PutAsJsonAsync("/api/triage/agencies/nas.lapor-admin", Agency("Admin LAPOR!", "provinsi", "36", ["lainnya"]));
        Assert.True((await national.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("level", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await verifier.PutAsJsonAsync("/api/triage/agencies/36.73.tidak-ada", Agency("Dinas Entah", "kota", "36.73", ["lainnya"]))).StatusCode);
    }

    [Fact]
    public async Task A_renamed_agency_is_renamed_in_the_desk_and_in_the_oversight_tables()
    {
        var citizen = lapor.CreateClient();
        var verifier = await citizen.AsAsync(lapor.CreateClient, "verifier");
        var officer = await citizen.AsAsync(lapor.CreateClient, "officer", "61.71.dpupr");
        var oversight = await citizen.AsAsync(lapor.CreateClient, "oversight");
        var receipt = await FileAsync(citizen, new
        {
            type = "aduan", title = "Jalan berlubang di Jalan Gajah Mada Pontianak", region = "61.71",
            text = "Jalan Gajah Mada di Pontianak berlubang besar di depan pertokoan, sudah dua pengendara motor jatuh minggu ini.",
        });
        await Eventually(() => InInboxAsync(officer, receipt.TrackingId), "the report reaches the Pontianak public works desk");

        const string renamed = "Dinas Pekerjaan Umum dan Penataan Ruang Kota Pontianak (baru)";
        var edit = await verifier.PutAsJsonAsync("/api/triage/agencies/61.71.dpupr", Agency(renamed, "kota", "61.71", ["infrastruktur"]));
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        Assert.Equal(2, (await edit.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, (await verifier.PutAsJsonAsync("/api/triage/agencies/61.71.dpupr",
            Agency(renamed, "kota", "61.71", ["infrastruktur"], id: "61.71.pupr"))).StatusCode);

        await Eventually(async () => (await officer.GetFromJsonAsync<JsonElement>($"/api/desk/complaints/{receipt.TrackingId}"))
            .GetProperty("agencyName").GetString() == renamed, "the desk shows the new name");
        await Eventually(async () => (await oversight.GetFromJsonAsync<JsonElement>("/api/analytics/agencies")).EnumerateArray()
            .Any(r => r.GetProperty("key").GetString() == "61.71.dpupr" && r.GetProperty("name").GetString() == renamed), "the oversight table shows the new name");
        var csv = await oversight.GetStringAsync("/api/analytics/agencies?format=csv");
        Assert.StartsWith("agency,name,received", csv);
        Assert.Contains(renamed, csv);
    }

    [Fact]
    public async Task The_national_directory_is_read_a_page_at_a_time_and_searched()
    {
        var anonymous = lapor.CreateClient();

        var first = await anonymous.GetAsync("/api/triage/agencies?limit=5");
        var firstIds = (await first.Content.ReadFromJsonAsync<List<JsonElement>>())!.Select(a => a.GetProperty("id").GetString()!).ToList();
        Assert.Equal(5, firstIds.Count);
        var next = first.Headers.GetValues("Link").Single();
        Assert.Matches("^<(/api/triage/agencies\\?limit=5&after=[^>]+)>; rel=\"next\"$", next);
        var secondIds = (await anonymous.GetFromJsonAsync<List<JsonElement>>(next[1..next.IndexOf('>')]))!.Select(a => a.GetProperty("id").GetString()!).ToList();
        Assert.Equal(5, secondIds.Count);
        Assert.True(string.CompareOrdinal(firstIds[^1], secondIds[0]) < 0, "the next page starts after the last id");
        Assert.Empty(firstIds.Intersect(secondIds));

        var jayawijaya = await anonymous.GetFromJsonAsync<List<JsonElement>>("/api/triage/agencies?q=JAYAWIJAYA&sector=kesehatan");
        Assert.Equal("95.01.dinkes", Assert.Single(jayawijaya!).GetProperty("id").GetString());
        var papuaHighlands = (await anonymous.GetFromJsonAsync<List<JsonElement>>("/api/triage/agencies?within=95&limit=1000"))!
            .Select(a => a.GetProperty("id").GetString()).ToList();
        Assert.Contains("95.setda", papuaHighlands);
        Assert.Contains("95.01.dinkes", papuaHighlands);
        Assert.DoesNotContain(papuaHighlands, id => !id!.StartsWith("95", StringComparison.Ordinal));

        var bad = await anonymous.GetAsync("/api/triage/agencies?sector=sihir&limit=0");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("sector", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("limit", out _));
    }
}
