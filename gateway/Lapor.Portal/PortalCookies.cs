namespace Lapor.Portal;

/// <summary>Every cookie the portal sets: HttpOnly, Secure over HTTPS, essential (no consent banner needed for them).</summary>
public static class PortalCookies
{
    public static void Set(HttpContext http, string name, string value, TimeSpan lifetime, SameSiteMode sameSite = SameSiteMode.Lax) =>
        http.Response.Cookies.Append(name, value, new CookieOptions
        {
            HttpOnly = true, SameSite = sameSite, Secure = http.Request.IsHttps, MaxAge = lifetime, IsEssential = true,
        });
}
