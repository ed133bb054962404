using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Lapor.Embedded;

internal static class Welcome
{
    /// <summary>Says where Lapor is listening once it is, and answers the root path with the same pointers.</summary>
    public static void MapWelcome(this WebApplication app)
    {
        app.MapGet("/", () => TypedResults.Text(
            "Lapor is running.\n\nPOST /api/complaints            file a report\nGET  /api/complaints/{id}       follow it (header X-Access-Code)\n" +
            "GET  /api/desk/inbox?agencyId=   an agency's inbox\nGET  /api/analytics/summary     counts by status and sector\n"))
            .ExcludeFromDescription();

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var address in addresses) Console.WriteLine($"Lapor is running (embedded mode): open {address}/");
        });
    }
}
