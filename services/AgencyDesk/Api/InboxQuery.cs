using Lapor.Contracts;
using Lapor.ServiceDefaults;

namespace Lapor.AgencyDesk.Api;

/// <summary>The inbox's filters, search, order and keyset cursor, from the query string.</summary>
public sealed record InboxQuery(
    string? Status, string? Sector, string? Region, bool? Overdue, int? DueWithinDays, string? Assigned,
    string? Q, string? Sort, string? Cursor, int? Limit)
{
    public const int DefaultLimit = 50, MaximumLimit = 200;

    public ComplaintStatus? StatusValue => LaporJson.FromWireName<ComplaintStatus>(Status);
    public Sector? SectorValue => LaporJson.FromWireName<Sector>(Sector);
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
        if (Cursor is not null && KeysetCursor.Decode(Cursor) is null) errors["cursor"] = ["Not a cursor this inbox gave out."];
        if (Q is { Length: > 200 }) errors["q"] = ["At most 200 characters."];
        return errors;
    }
}
