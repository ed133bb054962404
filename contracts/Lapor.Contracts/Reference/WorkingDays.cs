namespace Lapor.Contracts.Reference;

/// <summary>
/// SP4N-LAPOR! deadlines count working days: Monday to Friday, minus national holidays and cuti bersama
/// (<see cref="Holidays"/>). A deadline falls at the end of the working day in the region's own time zone: WIB, WITA
/// or WIT, derived from the province code. One rule for every service that computes or shows a deadline.
/// </summary>
public sealed class WorkingDays(IReadOnlySet<DateOnly> holidays)
{
    /// <summary>The end (23:59:59 local) of the <paramref name="days"/>-th working day after <paramref name="start"/>'s day in the region.</summary>
    public DateTimeOffset Add(DateTimeOffset start, int days, string? region)
    {
        var offset = UtcOffset(region);
        var day = DateOnly.FromDateTime(start.ToOffset(offset).DateTime);
        for (var counted = 0; counted < days;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day)) counted++;
        }
        return new DateTimeOffset(day.ToDateTime(new TimeOnly(23, 59, 59)), offset);
    }

    public bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Contains(day);

    /// <summary>
    /// WIB (UTC+7) for Sumatra, Java and West and Central Kalimantan; WITA (+8) for Bali, Nusa Tenggara, South, East
    /// and North Kalimantan and Sulawesi; WIT (+9) for Maluku and Papua. From the code's province part.
    /// </summary>
    public static TimeSpan UtcOffset(string? region)
    {
        var province = Regions.Find(region)?.ProvinceCode ?? region?.Split('.')[0];
        return int.TryParse(province, out var code) switch
        {
            false => TimeSpan.FromHours(7),
            true when code is >= 81 => TimeSpan.FromHours(9),
            true when code is 51 or 52 or 53 or (>= 63 and <= 65) or (>= 71 and <= 76) => TimeSpan.FromHours(8),
            _ => TimeSpan.FromHours(7),
        };
    }
}
