using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Lapor.EndToEnd.Tests.Infrastructure;

/// <summary>What a citizen, an officer and an oversight user do in the skeleton flow, over HTTP, in either mode.</summary>
public static class SkeletonFlow
{
    public sealed record Receipt(string TrackingId, string AccessCode, string Status);

    /// <summary>A report Triage routes with confidence to Kota Surabaya's public works office.</summary>
    public static readonly object RoadInSurabaya = new
    {
        type = "aduan",
        title = "Jalan berlubang di depan Pasar Wonokromo",
        text = "Jalan di depan Pasar Wonokromo rusak berlubang besar sejak sebulan, sudah dua pengendara motor jatuh. Mohon segera diperbaiki.",
        region = "35.78",
    };
    public const string RoadAgency = "35.78.dpupr";

    public static async Task<Receipt> FileAsync(HttpClient client, object report)
    {
        var response = await client.PostAsJsonAsync("/api/complaints", report);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<Receipt>())!;
    }

    public static async Task<JsonElement> TrackAsync(HttpClient client, Receipt receipt)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/complaints/{receipt.TrackingId}");
        request.Headers.Add("X-Access-Code", receipt.AccessCode);
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Whether the report is in the inbox of the agency the officer's client belongs to.</summary>
    public static async Task<bool> InInboxAsync(HttpClient officer, string trackingId) =>
        (await officer.GetFromJsonAsync<JsonElement>("/api/desk/inbox?limit=200")).GetProperty("items").EnumerateArray()
            .Any(item => item.GetProperty("trackingId").GetString() == trackingId);

    public static async Task<int> TotalCountedAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/analytics/summary")).GetProperty("total").GetInt32();

    /// <summary>Polls until the condition holds; fails the test with <paramref name="what"/> after the timeout.</summary>
    public static async Task Eventually(Func<Task<bool>> condition, string what, int seconds = 30)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(seconds))
        {
            if (await condition()) return;
            await Task.Delay(100);
        }
        Assert.Fail($"Timed out after {seconds} s waiting until {what}.");
    }

    /// <summary>The whole skeleton: filed, routed, visible in the citizen's timeline, in the inbox and counted.</summary>
    public static async Task RunAsync(Func<HttpClient> create)
    {
        var client = create();
        var officer = await client.AsAsync(create, "officer", RoadAgency);
        var otherOfficer = await client.AsAsync(create, "officer", "35.78.dinkes");
        var oversight = await client.AsAsync(create, "oversight");
        var countedBefore = await TotalCountedAsync(oversight);

        var receipt = await FileAsync(client, RoadInSurabaya);
        Assert.Matches("^LPR-[0-9A-Z]{8}$", receipt.TrackingId);
        Assert.Equal("belum_terverifikasi", receipt.Status);

        // Triage's route verifies the report too: one event, which the citizen sees as two steps.
        await Eventually(async () => (await TrackAsync(client, receipt)).GetProperty("timeline").GetArrayLength() == 3,
            "the citizen sees the report verified and routed");
        var tracked = await TrackAsync(client, receipt);
        Assert.Equal("terdisposisi", tracked.GetProperty("status").GetString());
        Assert.Equal(RoadAgency, tracked.GetProperty("agencyId").GetString());
        Assert.False(string.IsNullOrEmpty(tracked.GetProperty("agencyName").GetString()));
        Assert.Equal(new[] { "filed", "verified", "routed" },
            tracked.GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("step").GetString()!).ToArray());

        await Eventually(() => InInboxAsync(officer, receipt.TrackingId), "the report is in the agency's inbox");
        Assert.False(await InInboxAsync(otherOfficer, receipt.TrackingId));

        await Eventually(async () => await TotalCountedAsync(oversight) == countedBefore + 1, "analytics counts the report");
        // The routed event may reach analytics after the submitted one: wait until it is counted as routed too.
        await Eventually(async () =>
        {
            var summary = await oversight.GetFromJsonAsync<JsonElement>("/api/analytics/summary");
            return summary.GetProperty("bySector").TryGetProperty("infrastruktur", out var sector) && sector.GetInt32() >= 1
                && summary.GetProperty("byStatus").TryGetProperty("terdisposisi", out var routed) && routed.GetInt32() >= 1;
        }, "analytics counts it routed, by sector");
    }
}
