namespace Lapor.Embedded;

/// <summary>Names this assembly for tests (<c>WebApplicationFactory&lt;AssemblyMarker&gt;</c>).</summary>
public sealed class AssemblyMarker;
