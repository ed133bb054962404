using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lapor.Intake.Api;

namespace Lapor.Intake.Tests;

/// <summary>Where and when it happened is validated field by field; the receipt states the deadlines that apply.</summary>
public sealed class PlaceAndDeadlineTests(IntakeApiFactory factory) : IClassFixture<IntakeApiFactory>
{
    private static Dictionary<string, object?> Report(params (string Key, object? Value)[] extra)
    {
        var report = new Dictionary<string, object?>
        {
            ["type"] = "aduan", ["title"] = "Jalan berlubang di depan pasar", ["text"] = "Jalan di depan pasar kota rusak berlubang besar dan membahayakan pengendara motor.",
        };
        foreach (var (key, value) in extra) report[key] = value;
        return report;
    }

    [Fact]
    public async Task A_located_report_is_accepted_with_its_deadlines_and_shown_back_to_the_citizen()
    {
        var client = factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/complaints", Report(("location", "depan Pasar Wonokromo, RT 03"),
            ("latitude", -7.3019), ("longitude", 112.7378), ("incidentDate", DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-3)).ToString("yyyy-MM-dd"))));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var receipt = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3, receipt.GetProperty("deadlines").GetProperty("verifyWithinWorkingDays").GetInt32());
        Assert.Equal(5, receipt.GetProperty("deadlines").GetProperty("followUpWithinWorkingDays").GetInt32());

        using var track = new HttpRequestMessage(HttpMethod.Get, $"/api/complaints/{receipt.GetProperty("trackingId").GetString()}");
        track.Headers.Add(ComplaintsApi.AccessCodeHeader, receipt.GetProperty("accessCode").GetString());
        var tracked = await (await client.SendAsync(track)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("depan Pasar Wonokromo, RT 03", tracked.GetProperty("location").GetString());
    }

    [Theory]
    [InlineData("latitude", 52.37, 4.89)]      // Amsterdam
    [InlineData("longitude", -6.2, 150.0)]     // east of Papua, in the Pacific
    public async Task Coordinates_outside_Indonesia_are_refused_by_field(string field, double latitude, double longitude)
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/complaints", Report(("latitude", latitude), ("longitude", longitude)));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Half_a_coordinate_a_future_date_and_an_overlong_location_are_refused_by_field()
    {
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(2)).ToString("yyyy-MM-dd");
        var before = await factory.OutboxRows();
        var response = await factory.CreateClient().PostAsJsonAsync("/api/complaints",
            Report(("latitude", -7.3), ("incidentDate", tomorrow), ("location", new string('x', 201))));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("longitude", out _));
        Assert.True(errors.TryGetProperty("incidentDate", out _));
        Assert.True(errors.TryGetProperty("location", out _));
        Assert.Equal(before, await factory.OutboxRows());
    }
}
