using Lapor.Portal.Api;
using Lapor.Portal.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lapor.Portal.Pages;

/// <summary>What every portal page shares: the visitor's language, and turning an API failure into a message and field errors.</summary>
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public abstract class PortalPage(PortalText text) : PageModel
{
    public PortalText T { get; } = text;

    /// <summary>The page-level message (an outage, a refusal), already in the visitor's language.</summary>
    public string? Problem { get; private set; }

    /// <summary>Field errors from the last call, by the API's field name.</summary>
    public IReadOnlyDictionary<string, string[]> FieldErrors { get; private set; } = new Dictionary<string, string[]>();

    /// <summary>The error to show next to a field: the portal's own wording when it has one, else the API's.</summary>
    public string? ErrorFor(string field, string? wording = null)
    {
        var message = FieldErrors.FirstOrDefault(e => string.Equals(e.Key, field, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
        wording ??= "err." + field;
        return message is null ? null : Strings.All.ContainsKey(wording) ? T[wording] : message;
    }

    /// <summary>A form field as the APIs want it: trimmed, or null when left empty.</summary>
    public static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>A field the page itself found wrong, before calling any API.</summary>
    protected void Invalid(string field, string message)
    {
        FieldErrors = new Dictionary<string, string[]> { [field] = [message] };
        Problem = T["error.invalid"];
    }

    /// <summary>Records why a call failed; returns true when it did.</summary>
    protected bool Failed<TValue>(ApiResult<TValue> result, string? notFoundKey = null)
    {
        if (result.Ok) return false;
        FieldErrors = result.Errors;
        Problem = result.Failure switch
        {
            ApiFailure.Invalid => result.ErrorFor("") ?? T["error.invalid"],
            ApiFailure.NotFound => T[notFoundKey ?? "error.page"],
            ApiFailure.Forbidden => T["error.forbidden"],
            ApiFailure.TooMany => T["error.toomany"],
            _ => T["error.unavailable"],
        };
        if (result.Failure == ApiFailure.Unavailable) Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        return true;
    }
}
