using System.Text.Json;
using Lapor.Analytics.Domain;
using Lapor.Contracts;
using Lapor.ServiceDefaults;

namespace Lapor.Analytics.Tests;

/// <summary>Analytics keeps the events it needs for a rebuild, never the citizens' words in them.</summary>
public sealed class EventRecordTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    private static readonly ComplaintRouted Routed = new(Guid.NewGuid(), "LPR-X", 3, Monday, ReportType.Aduan, Sector.Kesehatan, "35.78",
        "35.78.dinkes", "Dinas Kesehatan", 0.9, "Pungli di puskesmas", "Petugas minta uang, saya Budi NIK 3578011234567890", true,
        Monday, Monday.AddDays(7), Location: "Puskesmas Jagir", Reason: "bukan wewenang");

    [Fact]
    public void A_kept_event_has_its_figures_and_none_of_its_free_text()
    {
        var record = EventRecord.From(Guid.NewGuid(), Routed);

        Assert.DoesNotContain("Budi", record.Body);
        Assert.DoesNotContain("Pungli", record.Body);
        Assert.DoesNotContain("Jagir", record.Body);
        Assert.DoesNotContain("wewenang", record.Body);
        var kept = JsonSerializer.Deserialize<ComplaintRouted>(record.Body, LaporJson.Options)!;
        Assert.Equal((Routed.AgencyId, Routed.Sector, Routed.FollowUpDueAt, Routed.Confidential), (kept.AgencyId, kept.Sector, kept.FollowUpDueAt, kept.Confidential));
        Assert.False(record.DropFreeText());
    }

    [Fact]
    public void A_body_kept_whole_by_an_earlier_version_loses_its_free_text()
    {
        var record = EventRecord.From(Guid.NewGuid(), Routed);
        typeof(EventRecord).GetProperty(nameof(EventRecord.Body))!.SetValue(record, JsonSerializer.Serialize(Routed, LaporJson.Options));

        Assert.True(record.DropFreeText());

        Assert.DoesNotContain("NIK", record.Body);
        Assert.Equal(EventRecord.From(Guid.NewGuid(), Routed).Body, record.Body);
    }
}
