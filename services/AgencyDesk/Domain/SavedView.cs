namespace Lapor.AgencyDesk.Domain;

/// <summary>
/// An officer's named inbox view ("mine, overdue first"): the inbox's filters and order as a query string, kept for
/// them at their agency. Saving under a name they already use replaces it.
/// </summary>
public sealed class SavedView
{
    public const int MaximumPerOfficer = 20, MaximumName = 60;

    /// <summary>The inbox parameters a view may keep (not the cursor or the page size).</summary>
    public static readonly string[] Parameters = ["status", "sector", "region", "overdue", "dueWithinDays", "assigned", "q", "sort"];

    private SavedView() { }

    public string AgencyId { get; private set; } = "";
    public string OfficerId { get; private set; } = "";
    public string Name { get; private set; } = "";
    /// <summary>The inbox's query string without its <c>?</c>, e.g. <c>assigned=me&amp;overdue=true&amp;sort=deadline</c>.</summary>
    public string Query { get; private set; } = "";
    public DateTimeOffset SavedAt { get; private set; }

    public static SavedView Of(string agencyId, string officerId, string name, string query, DateTimeOffset now) =>
        new() { AgencyId = agencyId, OfficerId = officerId, Name = name, Query = query, SavedAt = now };

    public void Replace(string query, DateTimeOffset now) => (Query, SavedAt) = (query, now);
}
