namespace Lapor.ServiceDefaults.Problems;

/// <summary>The thing asked for does not exist, or the caller may not know it exists (answered 404).</summary>
public sealed class NotFoundException(string message) : Exception(message);

/// <summary>The action is not allowed in the current state of the thing (answered 409).</summary>
public sealed class ConflictException(string message) : Exception(message);
