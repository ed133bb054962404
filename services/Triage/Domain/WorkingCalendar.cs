using Lapor.Contracts.Reference;

namespace Lapor.Triage.Domain;

/// <summary>
/// Triage's working-day calendar (<see cref="WorkingDays"/>): the shipped national holidays and cuti bersama, or an
/// operator's file of them (<c>Lapor:Calendar:File</c>, read at start), plus extra days (<c>Lapor:Holidays</c>, ISO dates).
/// </summary>
public sealed class WorkingCalendar(IConfiguration configuration)
{
    private readonly WorkingDays _days = new(Holidays.Load(configuration["Lapor:Calendar:File"], configuration.GetSection("Lapor:Holidays").Get<DateOnly[]>()));

    public DateTimeOffset AddWorkingDays(DateTimeOffset start, int days, string? region) => _days.Add(start, days, region);

    public bool IsWorkingDay(DateOnly day) => _days.IsWorkingDay(day);

    /// <summary>The whole working days between <paramref name="from"/>'s day and <paramref name="to"/>'s (neither counted), in the region's time zone.</summary>
    public int WorkingDaysBetween(DateTimeOffset from, DateTimeOffset to, string? region)
    {
        var offset = WorkingDays.UtcOffset(region);
        var day = DateOnly.FromDateTime(from.ToOffset(offset).DateTime);
        var last = DateOnly.FromDateTime(to.ToOffset(offset).DateTime);
        var count = 0;
        while ((day = day.AddDays(1)) < last) if (IsWorkingDay(day)) count++;
        return count;
    }

    public static TimeSpan UtcOffset(string? region) => WorkingDays.UtcOffset(region);
}
