namespace Lapor.ServiceDefaults.Problems;

/// <summary>The thing asked for does not exist, or the caller may not know it exists (answered 404).</summary>
public sealed class NotFoundException(string message) : Exception(message);

/// <summary>The action is not allowed in the current state of the thing (answered 409).</summary>
public sealed class ConflictException(string message) : Exception(message);

/// <summary>The caller tried too often; it may try again after <see cref="RetryAfter"/> (answered 429 with Retry-After).</summary>
public sealed class TooManyAttemptsException(string message, TimeSpan retryAfter) : Exception(message)
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
