using Lapor.AgencyDesk.Domain;
using Lapor.AgencyDesk.Persistence;
using Lapor.ServiceDefaults;
using Lapor.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lapor.AgencyDesk.Api;

/// <summary>
/// The caller's own notices (<see cref="OfficerNotice"/>): what is new for them, read or not, and where and how often
/// the desk mails them. An officer sees only notices addressed to them at their agency.
/// </summary>
public static class NoticesApi
{
    public sealed record NoticeView(long Id, string Kind, string TrackingId, string Title, string Headline, DateTimeOffset CreatedAt, bool Read);
    public sealed record NoticesPage(int Unread, IReadOnlyList<NoticeView> Items);
    public sealed record ReadRequest(long[]? Ids);
    public sealed record MailRequest(string? Email, bool? DailyDigest);
    public sealed record MailSettings(string? Email, bool DailyDigest);

    public const int PageSize = 50;

    public static IEndpointRouteBuilder MapNoticesApi(this IEndpointRouteBuilder app)
    {
        var notices = app.MapGroup("/api/desk/notices").WithTags("Agency desk").RequireAuthorization(LaporPolicies.AgencyDesk)
            .AddEndpointFilter(OfficersApi.KnowTheCaller);
        notices.MapGet("/", List).WithName("Notices").WithSummary("The caller's notices, newest first, and how many are unread.");
        notices.MapPost("/read", MarkRead).WithName("ReadNotices").WithSummary("Mark the caller's notices read: these ids, or all of them.");
        notices.MapPut("/mail", SetMail).WithName("NoticeMail").WithSummary("Where the caller's notices are mailed (empty: not mailed), one by one or as a daily digest.");
        return app;
    }

    public static async Task<Ok<NoticesPage>> List(HttpContext http, DeskDbContext db, CancellationToken cancellationToken)
    {
        var caller = Caller.From(http.User);
        var mine = db.Notices.AsNoTracking().Where(n => n.AgencyId == caller.AgencyId && n.OfficerId == caller.Subject);
        var unread = await mine.CountAsync(n => n.ReadAt == null, cancellationToken);
        var items = await mine.OrderByDescending(n => n.Id).Take(PageSize).ToListAsync(cancellationToken);
        return TypedResults.Ok(new NoticesPage(unread, [.. items.Select(n =>
            new NoticeView(n.Id, LaporJson.WireName(n.Kind), n.TrackingId, n.Title, n.Headline, n.CreatedAt, n.ReadAt is not null))]));
    }

    public static async Task<Results<Ok<NoticesPage>, ValidationProblem>> MarkRead(ReadRequest? request, HttpContext http, DeskDbContext db,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        if (request?.Ids is { Length: > PageSize })
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["ids"] = [$"At most {PageSize} at once; none for all."] });
        var caller = Caller.From(http.User);
        var unread = db.Notices.Where(n => n.AgencyId == caller.AgencyId && n.OfficerId == caller.Subject && n.ReadAt == null);
        if (request?.Ids is { Length: > 0 } ids) unread = unread.Where(n => ids.Contains(n.Id));
        var now = clock.GetUtcNow();
        await db.InWriteTurnAsync(() => unread.ExecuteUpdateAsync(set => set.SetProperty(n => n.ReadAt, now), cancellationToken), cancellationToken);
        return TypedResults.Ok((await List(http, db, cancellationToken)).Value!);
    }

    public static async Task<Results<Ok<MailSettings>, ValidationProblem>> SetMail(MailRequest? request, HttpContext http, DeskDbContext db,
        CancellationToken cancellationToken)
    {
        var email = request?.Email?.Trim() is { Length: > 0 } given ? given : null;
        if (email is not null && (email.Length > 254 || !System.Net.Mail.MailAddress.TryCreate(email, out var parsed) || parsed.Address != email))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["email"] = ["An e-mail address (at most 254 characters), or empty for none."] });
        var caller = Caller.From(http.User);
        // KnowTheCaller made the caller known before this runs.
        var officer = await db.Officers.SingleAsync(o => o.AgencyId == caller.AgencyId && o.OfficerId == caller.Subject, cancellationToken);
        officer.SetMail(email, request?.DailyDigest ?? false);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new MailSettings(officer.Email, officer.DailyDigest));
    }
}
