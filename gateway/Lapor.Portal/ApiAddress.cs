using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Lapor.Portal;

/// <summary>The address the portal's API calls go to: the configured one, or the first address this host listens on.</summary>
public sealed class ApiAddress(PortalOptions options, IServer server)
{
    private Uri? _resolved;

    public Uri Value => _resolved ??= Resolve();

    private Uri Resolve()
    {
        if (options.ApiBaseUrl is { Length: > 0 } configured) return new Uri(configured);
        var listening = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The portal needs Lapor:Portal:ApiBaseUrl when the host's addresses are unknown.");
        var uri = new UriBuilder(listening.Replace("://+", "://localhost").Replace("://*", "://localhost"));
        if (uri.Host is "0.0.0.0" or "[::]" or "::") uri.Host = "localhost";
        return uri.Uri;
    }
}
