using Lapor.Contracts.Reference;
using Lapor.Triage.Domain;
using Microsoft.Extensions.Configuration;

namespace Lapor.Triage.Tests;

/// <summary>Deadlines in working days: weekends, the shipped 2025–2026 holidays and cuti bersama, and the three time zones.</summary>
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

    private static readonly WorkingCalendar Shipped = Calendar();

    private static DateTimeOffset At(int year, int month, int day, int hour, int minute, int utcOffset) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(utcOffset));

    [Fact]
    public void A_report_filed_the_working_day_before_the_Idul_Fitri_2026_leave_waits_out_Nyepi_and_the_cuti_bersama()
    {
        // Tuesday 17 March 2026, Surabaya. Off: 18 (cuti Nyepi), 19 (Nyepi), 20 (cuti), 21–22 (Idul Fitri), 23–24 (cuti).
        var filed = At(2026, 3, 17, 10, 0, 7);

        Assert.Equal(At(2026, 3, 27, 23, 59, 7).AddSeconds(59), Shipped.AddWorkingDays(filed, 3, "35.78"));
        Assert.Equal(At(2026, 3, 31, 23, 59, 7).AddSeconds(59), Shipped.AddWorkingDays(filed, 5, "35.78"));
    }

    [Fact]
    public void A_report_filed_in_Jayapura_at_half_past_four_counts_in_WIT()
    {
        // Friday 4 December 2026, 16:30 WIT (07:30 UTC): five working days end on Friday 11 December, 23:59:59 WIT.
        var deadline = Shipped.AddWorkingDays(At(2026, 12, 4, 16, 30, 9), 5, "91.71");

        Assert.Equal(TimeSpan.FromHours(9), deadline.Offset);
        Assert.Equal(At(2026, 12, 11, 23, 59, 9).AddSeconds(59), deadline);
        // Filed half an hour into Monday in Jayapura (still Sunday evening in Jakarta), it counts from the Monday.
        Assert.Equal(At(2026, 12, 14, 23, 59, 9).AddSeconds(59), Shipped.AddWorkingDays(At(2026, 12, 7, 0, 30, 9), 5, "91.71"));
    }

    [Fact]
    public void A_report_filed_in_Denpasar_before_Nyepi_counts_in_WITA_and_skips_it()
    {
        var deadline = Shipped.AddWorkingDays(At(2026, 3, 17, 9, 0, 8), 3, "51.71");

        Assert.Equal(At(2026, 3, 27, 23, 59, 8).AddSeconds(59), deadline);
    }

    [Fact]
    public void Christmas_2026_and_its_cuti_bersama_are_not_working_days_and_the_2025_amendment_is_in()
    {
        Assert.False(Shipped.IsWorkingDay(new DateOnly(2026, 12, 24)));
        Assert.False(Shipped.IsWorkingDay(new DateOnly(2026, 12, 25)));
        Assert.True(Shipped.IsWorkingDay(new DateOnly(2026, 12, 28)));
        Assert.False(Shipped.IsWorkingDay(new DateOnly(2025, 8, 18)));
        Assert.Equal(17, Holidays.Shipped.Count(h => h.Date.Year == 2026 && h.Kind == "libur_nasional"));
        Assert.Equal(8, Holidays.Shipped.Count(h => h.Date.Year == 2026 && h.Kind == "cuti_bersama"));
        Assert.All(Holidays.Shipped, h => Assert.StartsWith("SKB", h.Source));
    }

    [Fact]
    public void An_operators_calendar_file_replaces_the_shipped_one_without_a_rebuild()
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, "date,kind,name,source\n2026-12-28,cuti_bersama,Cuti bersama contoh,SKB contoh\n");
        try
        {
            var calendar = new WorkingCalendar(new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["Lapor:Calendar:File"] = file, ["Lapor:Holidays:0"] = "2026-12-29" }).Build());

            Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 12, 24)));
            Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 12, 28)));
            Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 12, 29)));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
