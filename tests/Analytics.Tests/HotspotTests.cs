using System.Net.Http.Json;
using System.Text.Json;
using Lapor.Contracts;

namespace Lapor.Analytics.Tests;

/// <summary>Hotspots rank the matters the most citizens filed about; supports, one tap each, only break ties.</summary>
public sealed class HotspotTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly AnalyticsHost _analytics = new(Monday.AddDays(3));

    private async Task FileAsync(Guid id, string trackingId, Guid? cluster)
    {
        await _analytics.PublishAsync(new ComplaintSubmitted(id, trackingId, 1, Monday, ReportType.Aduan, "", "", null, "35.78", Channel.Web, false, false));
        await _analytics.PublishAsync(new ComplaintRouted(id, trackingId, 2, Monday.AddHours(1), ReportType.Aduan, Sector.Infrastruktur, "35.78",
            "35.78.dpupr", "Dinas PUPR", 0.9, "", "", false, Monday, Monday.AddDays(7), ClusterId: cluster, VerificationDueAt: Monday.AddDays(3)));
    }

    public async Task InitializeAsync()
    {
        // Flooding at one underpass: five citizens filed it. One lone report has 64 supports from fresh device ids.
        var flood = Guid.NewGuid();
        await FileAsync(flood, "LPR-FLOOD000", null);
        for (var i = 1; i < 5; i++) await FileAsync(Guid.NewGuid(), $"LPR-FLOOD00{i}", flood);
        var lone = Guid.NewGuid();
        await FileAsync(lone, "LPR-LONE0000", null);
        for (var i = 0; i < 64; i++) await _analytics.PublishAsync(new ComplaintSupported(lone, "LPR-LONE0000", 2, Monday.AddHours(2).AddMinutes(i)));
    }

    public async Task DisposeAsync() => await _analytics.DisposeAsync();

    [Fact]
    public async Task A_matter_many_citizens_filed_outranks_one_report_with_many_supports()
    {
        var hotspots = await _analytics.Oversight().GetFromJsonAsync<JsonElement>("/api/analytics/hotspots");

        Assert.Equal(["LPR-FLOOD000", "LPR-LONE0000"], hotspots.EnumerateArray().Select(h => h.GetProperty("trackingId").GetString()).Take(2));
        Assert.Equal(5, hotspots[0].GetProperty("reports").GetInt64());
        Assert.Equal(64, hotspots[1].GetProperty("supports").GetInt64());
    }
}
