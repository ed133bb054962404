namespace Lapor.Portal.Api;

/// <summary>Why a call to a service did not give the portal what it asked for.</summary>
public enum ApiFailure
{
    None,
    /// <summary>400/422: the errors are by field, to show next to the fields.</summary>
    Invalid,
    NotFound,
    /// <summary>401/403: the session is missing, expired or lacks the role.</summary>
    Forbidden,
    /// <summary>429: too many reports from this address.</summary>
    TooMany,
    /// <summary>The service is down, slow or failing (5xx, timeout, open circuit).</summary>
    Unavailable,
}

/// <summary>The outcome of one API call: a value, or a failure the page can explain in plain words.</summary>
public sealed record ApiResult<T>(T? Value, ApiFailure Failure, IReadOnlyDictionary<string, string[]> Errors)
{
    private static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();

    public bool Ok => Failure == ApiFailure.None;

    public static ApiResult<T> Success(T value) => new(value, ApiFailure.None, NoErrors);

    public static ApiResult<T> Failed(ApiFailure failure, IReadOnlyDictionary<string, string[]>? errors = null) =>
        new(default, failure, errors ?? NoErrors);

    public string? ErrorFor(string field) =>
        Errors.FirstOrDefault(e => string.Equals(e.Key, field, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
}
