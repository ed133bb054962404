namespace Lapor.Portal;

/// <summary>
/// <c>Lapor:Portal</c>: where the portal sends its API calls (<c>ApiBaseUrl</c>; by default the host it runs
/// in, so in the gateway every call passes the gateway's own routes and policies) and how long it waits.
/// </summary>
public sealed class PortalOptions
{
    public string? ApiBaseUrl { get; set; }
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
