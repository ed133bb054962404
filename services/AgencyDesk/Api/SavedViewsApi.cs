using Lapor.AgencyDesk.Domain;
using Lapor.AgencyDesk.Persistence;
using Lapor.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Lapor.AgencyDesk.Api;

/// <summary>The caller's saved inbox views (<see cref="SavedView"/>): list them, save one under a name, delete one.</summary>
public static class SavedViewsApi
{
    public sealed record SavedViewView(string Name, string Query, DateTimeOffset SavedAt);
    public sealed record SaveRequest(string? Query);

    public static IEndpointRouteBuilder MapSavedViewsApi(this IEndpointRouteBuilder app)
    {
        var views = app.MapGroup("/api/desk/views").WithTags("Agency desk").RequireAuthorization(LaporPolicies.AgencyDesk);
        views.MapGet("/", List).WithName("SavedViews").WithSummary("The caller's saved inbox views, by name.");
        views.MapPut("/{name}", Save).WithName("SaveView").WithSummary("Save the inbox's filters and order (a query string) under a name; the same name replaces it.");
        views.MapDelete("/{name}", Delete).WithName("DeleteView").WithSummary("Delete one of the caller's saved views.");
        return app;
    }

    public static async Task<Ok<List<SavedViewView>>> List(HttpContext http, DeskDbContext db, CancellationToken cancellationToken)
    {
        var caller = Caller.From(http.User);
        return TypedResults.Ok(await db.SavedViews.AsNoTracking().Where(v => v.AgencyId == caller.AgencyId && v.OfficerId == caller.Subject)
            .OrderBy(v => v.Name).Select(v => new SavedViewView(v.Name, v.Query, v.SavedAt)).ToListAsync(cancellationToken));
    }

    public static async Task<Results<Ok<SavedViewView>, ValidationProblem>> Save(string name, SaveRequest? request, HttpContext http, DeskDbContext db,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        name = name.Trim();
        if (name.Length is 0 or > SavedView.MaximumName || name.Any(char.IsControl))
            return Invalid("name", $"1 to {SavedView.MaximumName} characters.");
        if (Normalized(request?.Query ?? "") is not { } query) return Invalid("query", "The inbox's own parameters, with values it accepts.");

        var caller = Caller.From(http.User);
        var mine = db.SavedViews.Where(v => v.AgencyId == caller.AgencyId && v.OfficerId == caller.Subject);
        var view = await mine.SingleOrDefaultAsync(v => v.Name == name, cancellationToken);
        var now = clock.GetUtcNow();
        if (view is not null) view.Replace(query, now);
        else if (await mine.CountAsync(cancellationToken) >= SavedView.MaximumPerOfficer)
            return Invalid("name", $"At most {SavedView.MaximumPerOfficer} views; delete one first.");
        else db.SavedViews.Add(view = SavedView.Of(caller.AgencyId!, caller.Subject, name, query, now));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new SavedViewView(view.Name, view.Query, view.SavedAt));
    }

    public static async Task<Results<NoContent, NotFound>> Delete(string name, HttpContext http, DeskDbContext db, CancellationToken cancellationToken)
    {
        var caller = Caller.From(http.User);
        var deleted = await db.InWriteTurnAsync(() => db.SavedViews
            .Where(v => v.AgencyId == caller.AgencyId && v.OfficerId == caller.Subject && v.Name == name.Trim())
            .ExecuteDeleteAsync(cancellationToken), cancellationToken);
        return deleted > 0 ? TypedResults.NoContent() : TypedResults.NotFound();
    }

    /// <summary>The query with only the view parameters, in a fixed order, each valid as the inbox reads it; null when it is not.</summary>
    public static string? Normalized(string query)
    {
        var parsed = QueryHelpers.ParseQuery(query.TrimStart('?'));
        if (parsed.Keys.Any(k => !SavedView.Parameters.Contains(k)) || parsed.Values.Any(v => v.Count != 1)) return null;
        string? Value(string key) => parsed.TryGetValue(key, out var v) ? v.ToString() : null;
        bool? Flag(string key) => Value(key) is { } v ? bool.TryParse(v, out var b) ? b : null : null;
        int? Number(string key) => Value(key) is { } v ? int.TryParse(v, out var n) ? n : -1 : null;
        if (Value("overdue") is not null && Flag("overdue") is null) return null;
        var inbox = new InboxQuery(Value("status"), Value("sector"), Value("region"), Flag("overdue"), Number("dueWithinDays"), Value("assigned"),
            Value("q"), Value("sort"), null, null);
        if (inbox.Validate().Count > 0) return null;
        return string.Join('&', SavedView.Parameters.Where(parsed.ContainsKey).Select(k => $"{k}={Uri.EscapeDataString(Value(k)!)}"));
    }

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
}
