namespace Lapor.ServiceDefaults.Problems;

/// <summary>The request is well-formed but a field's content is not acceptable for this action (answered 422 naming the field).</summary>
public sealed class InvalidActionException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
