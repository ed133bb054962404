using System.Security.Cryptography;
using Lapor.Portal.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Lapor.Portal;

/// <summary>The portal's one stylesheet, served from the assembly with a content hash in its URL so phones cache it for good.</summary>
public static class PortalAssets
{
    private static readonly byte[] Css = Read("site.css");

    /// <summary>The stylesheet's address, changing whenever its content does.</summary>
    public static readonly string CssPath = $"/portal/site.{Convert.ToHexStringLower(SHA256.HashData(Css))[..12]}.css";

    public static IEndpointRouteBuilder MapPortalAssets(this IEndpointRouteBuilder app)
    {
        app.MapGet("/portal/site.{hash}.css", (HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            return Results.Bytes(Css, "text/css; charset=utf-8");
        }).ExcludeFromDescription();
        return app;
    }

    /// <summary><c>/bahasa?ke=en&amp;kembali=/lacak</c>: remembers the language and goes back to a page of this site.</summary>
    public static IEndpointRouteBuilder MapLanguageSwitch(this IEndpointRouteBuilder app)
    {
        app.MapGet("/bahasa", (HttpContext http, string? ke, string? kembali) =>
        {
            PortalCookies.Set(http, PortalText.Cookie, ke == "en" ? "en" : "id", TimeSpan.FromDays(365));
            return Results.LocalRedirect(IsLocal(kembali) ? kembali! : "/");
        }).ExcludeFromDescription();
        return app;
    }

    /// <summary>A path on this site: one leading slash, and no control characters (a CR/LF would split the redirect's header).</summary>
    public static bool IsLocal(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) && !url.Any(char.IsControl);

    private static byte[] Read(string name)
    {
        using var stream = typeof(PortalAssets).Assembly.GetManifestResourceStream("Lapor.Portal.Assets." + name)
            ?? throw new InvalidOperationException($"Missing portal asset {name}.");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
