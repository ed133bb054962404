namespace Lapor.Triage;

/// <summary>Names this assembly for hosts and tests (<c>WebApplicationFactory&lt;AssemblyMarker&gt;</c>).</summary>
public sealed class AssemblyMarker;
