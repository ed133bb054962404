using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Lapor.Embedded;

internal static class Welcome
{
    /// <summary>Says where Lapor is listening once it is (the web portal answers at the root path).</summary>
    public static void AnnounceAddresses(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var address in addresses) Console.WriteLine($"Lapor is running (embedded mode): open {address}/");
        });
    }
}
