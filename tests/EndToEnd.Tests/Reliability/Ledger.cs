using Lapor.EndToEnd.Tests.Infrastructure;

namespace Lapor.EndToEnd.Tests.Reliability;

/// <summary>
/// Where every accepted report ended up, counted in each service's own database — including the desk's notice to the
/// agency's supervisor (<see cref="FaultyLapor"/> makes one known), which must be there once per report too.
/// </summary>
public sealed record Ledger(int Accepted, long InInbox, long DuplicateInboxRows, long WithDeadline, long Counted, long DuplicateCountedEvents,
    long RoutedInTimeline, long DuplicateTimelineSteps, long NoticedToSupervisor, long DuplicateNotices)
{
    public long Lost => Accepted - InInbox;
    public long Duplicates => DuplicateInboxRows + DuplicateCountedEvents + DuplicateTimelineSteps + DuplicateNotices;
    public bool Complete => InInbox == Accepted && WithDeadline == Accepted && Counted == Accepted && RoutedInTimeline == Accepted
                            && NoticedToSupervisor == Accepted && Duplicates == 0;

    public static async Task<Ledger> TakeAsync(PostgresDatabases databases, IReadOnlyCollection<string> trackingIds)
    {
        var ids = trackingIds.ToArray();
        var complaintIds = await databases.ScalarAsync<Guid[]>("intake", "SELECT array_agg(\"Id\") FROM complaints WHERE \"TrackingId\" = ANY(@t)", ("t", ids)) ?? [];
        var c = ("c", (object)complaintIds);
        return new Ledger(
            ids.Length,
            await databases.ScalarAsync<long>("desk", "SELECT count(DISTINCT \"TrackingId\") FROM complaints WHERE \"TrackingId\" = ANY(@t)", ("t", ids)),
            await databases.ScalarAsync<long>("desk", "SELECT count(*) - count(DISTINCT \"TrackingId\") FROM complaints WHERE \"TrackingId\" = ANY(@t)", ("t", ids)),
            await databases.ScalarAsync<long>("triage", "SELECT count(*) FROM complaints WHERE \"ComplaintId\" = ANY(@c) AND \"FollowUpDueAt\" IS NOT NULL", c),
            await databases.ScalarAsync<long>("analytics", "SELECT count(*) FROM complaint_facts WHERE \"ComplaintId\" = ANY(@c) AND \"AgencyId\" IS NOT NULL", c),
            await databases.ScalarAsync<long>("analytics",
                "SELECT count(*) - count(DISTINCT \"ComplaintId\") FROM events WHERE \"ComplaintId\" = ANY(@c) AND \"EventType\" = 'ComplaintSubmitted'", c),
            await databases.ScalarAsync<long>("intake", "SELECT count(*) FROM complaints WHERE \"Id\" = ANY(@c) AND \"Status\" = 'Terdisposisi'", c),
            await databases.ScalarAsync<long>("intake",
                "SELECT count(*) - count(DISTINCT (\"ComplaintId\", \"Step\")) FROM timeline_entries WHERE \"ComplaintId\" = ANY(@c)", c),
            await databases.ScalarAsync<long>("desk",
                "SELECT count(DISTINCT \"ComplaintId\") FROM officer_notices WHERE \"ComplaintId\" = ANY(@c) AND \"Kind\" = 'NewReport' AND \"OfficerId\" = @s",
                c, ("s", FaultyLapor.Supervisor)),
            await databases.ScalarAsync<long>("desk",
                "SELECT count(*) - count(DISTINCT (\"ComplaintId\", \"OfficerId\", \"Kind\")) FROM officer_notices WHERE \"ComplaintId\" = ANY(@c)", c));
    }
}
