using Lapor.Triage.Domain;
using Microsoft.Extensions.Configuration;

namespace Lapor.Triage.Tests;

public sealed class WorkingCalendarTests
{
    private static WorkingCalendar Calendar(params string[] holidays) => new(new ConfigurationBuilder()
        .AddInMemoryCollection(holidays.Select((h, i) => new KeyValuePair<string, string?>($"Lapor:Holidays:{i}", h)))
        .Build());

    [Fact]
    public void Five_working_days_from_a_thursday_skip_the_weekend_and_end_at_the_close_of_day_in_wib()
    {
        var thursday = new DateTimeOffset(2026, 11, 19, 10, 0, 0, TimeSpan.FromHours(7));
        var due = Calendar().AddWorkingDays(thursday, 5, "35.78");
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 23, 59, 59, TimeSpan.FromHours(7)), due);
    }

    [Fact]
    public void Configured_holidays_do_not_count()
    {
        var wednesday = new DateTimeOffset(2026, 12, 23, 10, 0, 0, TimeSpan.FromHours(7));
        var due = Calendar("2026-12-24", "2026-12-25").AddWorkingDays(wednesday, 3, "31.74");
        Assert.Equal(new DateOnly(2026, 12, 30), DateOnly.FromDateTime(due.DateTime));
    }

    [Fact]
    public void A_late_evening_filing_counts_from_the_local_date()
    {
        // 18:00 UTC on Friday is already Saturday 01:00 in WIB: the first working day counted is Monday.
        var fridayUtc = new DateTimeOffset(2026, 11, 20, 18, 0, 0, TimeSpan.Zero);
        var due = Calendar().AddWorkingDays(fridayUtc, 1, "36.73");
        Assert.Equal(new DateOnly(2026, 11, 23), DateOnly.FromDateTime(due.DateTime));
    }

    [Theory]
    [InlineData("35.78", 7)]
    [InlineData("73.71", 8)]
    [InlineData("64", 8)]
    [InlineData("94.71", 9)]
    [InlineData(null, 7)]
    public void Time_zone_follows_the_province(string? region, int hours) =>
        Assert.Equal(TimeSpan.FromHours(hours), WorkingCalendar.UtcOffset(region));
}
