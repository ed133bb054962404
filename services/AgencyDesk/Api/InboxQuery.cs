using Lapor.Contracts;

namespace Lapor.AgencyDesk.Api;

/// <summary>The inbox's filters, search, order and keyset cursor, from the query string.</summary>
public sealed record InboxQuery(
    string? Status, string? Sector, string? Region, bool? Overdue, int? DueWithinDays, string? Assigned,
    string? Q, string? Sort, string? Cursor, int? Limit)
{
    public const int DefaultLimit = 50, MaximumLimit = 200;

    public ComplaintStatus? StatusValue => Parse<ComplaintStatus>(Status);
    public Sector? SectorValue => Parse<Sector>(Sector);
    public bool ByDate => Sort == "date";
    public int Take => Math.Clamp(Limit ?? DefaultLimit, 1, MaximumLimit);

    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (Status is not null && StatusValue is null) errors["status"] = [$"Unknown status '{Status}'."];
        if (Sector is not null && SectorValue is null) errors["sector"] = [$"Unknown sector '{Sector}'."];
        if (Sort is not null and not ("deadline" or "date")) errors["sort"] = ["deadline or date."];
        if (Assigned is not null and not ("me" or "unassigned")) errors["assigned"] = ["me or unassigned."];
        if (DueWithinDays is < 0 or > 60) errors["dueWithinDays"] = ["0 to 60 working days."];
        if (Limit is < 1 or > MaximumLimit) errors["limit"] = [$"1 to {MaximumLimit}."];
        if (Cursor is not null && InboxCursor.Decode(Cursor) is null) errors["cursor"] = ["Not a cursor this inbox gave out."];
        if (Q is { Length: > 200 }) errors["q"] = ["At most 200 characters."];
        return errors;
    }

    private static TEnum? Parse<TEnum>(string? wire) where TEnum : struct, Enum =>
        wire is not null && Enum.TryParse<TEnum>(wire.Replace("_", ""), ignoreCase: true, out var value) && !int.TryParse(wire, out _)
            ? value
            : null;
}

/// <summary>Where the next page starts: the sort key and tracking id of the last item shown.</summary>
public sealed record InboxCursor(DateTimeOffset At, string TrackingId)
{
    public string Encode() =>
        Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{At.UtcTicks}|{TrackingId}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static InboxCursor? Decode(string cursor)
    {
        try
        {
            var padded = cursor.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - padded.Length % 4) % 4);
            var parts = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(padded)).Split('|');
            return parts.Length == 2 && long.TryParse(parts[0], out var ticks)
                ? new InboxCursor(new DateTimeOffset(ticks, TimeSpan.Zero), parts[1])
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
