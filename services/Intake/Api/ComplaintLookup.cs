using Lapor.Contracts;
using Lapor.Intake.Domain;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Intake.Api;

/// <summary>Finding a report by the tracking id a citizen typed (any case), and proving the access code.</summary>
public static class ComplaintLookup
{
    public static Task<Complaint?> ByTrackingIdAsync(this IQueryable<Complaint> complaints, string trackingId, CancellationToken cancellationToken) =>
        complaints.SingleOrDefaultAsync(c => c.TrackingId == trackingId.ToUpperInvariant(), cancellationToken);

    /// <summary>
    /// The report when the access code is its own; null otherwise, exactly as for an unknown id (so ids cannot be
    /// probed). Wrong codes are counted per id and per address, and past <see cref="AccessCodeGuard"/>'s limits answered 429.
    /// </summary>
    public static async Task<Complaint?> WithAccessCodeAsync(this IQueryable<Complaint> complaints, string trackingId, string? accessCode,
        AccessCodeGuard guard, HttpContext http, CancellationToken cancellationToken)
    {
        guard.ThrowIfBlocked(trackingId, http.Connection.RemoteIpAddress);
        if (await complaints.ByTrackingIdAsync(trackingId, cancellationToken) is { } complaint && AccessCodes.Matches(accessCode, complaint.AccessCodeHash))
            return complaint;
        guard.Wrong(trackingId, http.Connection.RemoteIpAddress);
        return null;
    }

    /// <summary>The reports anyone may read (the public feed, Open311): <see cref="Complaint.IsPublic"/>.</summary>
    public static IQueryable<Complaint> Public(this IQueryable<Complaint> complaints) =>
        complaints.Where(Complaint.Publicly);
}
