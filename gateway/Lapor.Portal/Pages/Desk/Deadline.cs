namespace Lapor.Portal.Pages.Desk;

/// <summary>How urgent a follow-up deadline is, as the inbox badges show it (days counted in WIB).</summary>
public enum Deadline
{
    Later,
    DueToday,
    Overdue,
}

public static class Deadlines
{
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    public static Deadline Of(DateTimeOffset due, bool overdue, DateTimeOffset now) =>
        overdue || due < now ? Deadline.Overdue
        : DateOnly.FromDateTime(due.ToOffset(Wib).DateTime) == DateOnly.FromDateTime(now.ToOffset(Wib).DateTime) ? Deadline.DueToday
        : Deadline.Later;
}
