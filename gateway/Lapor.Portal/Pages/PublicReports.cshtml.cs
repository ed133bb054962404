using Lapor.Portal.Api;
using Lapor.Portal.Text;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;

namespace Lapor.Portal.Pages;

/// <summary>The public feed with filters, and <i>dukung</i>: this browser supports a report once (an anonymous id in a cookie).</summary>
public sealed class PublicReportsModel(PortalText text, CitizenClient citizens) : PortalPage(text)
{
    public const string SupporterCookie = "lapor_supporter";

    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sector { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Cursor { get; set; }
    [BindProperty(SupportsGet = true)] public string? Notice { get; set; }

    public PublicPage? Feed { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var result = await citizens.PublicReportsAsync(Query(Cursor).ToString(), cancellationToken);
        if (!Failed(result)) Feed = result.Value;
    }

    public async Task<IActionResult> OnPostSupportAsync(string trackingId, CancellationToken cancellationToken)
    {
        var supporter = Request.Cookies[SupporterCookie] is { Length: 32 } known ? known : Guid.NewGuid().ToString("N");
        PortalCookies.Set(HttpContext, SupporterCookie, supporter, TimeSpan.FromDays(365));
        var result = await citizens.SupportAsync(trackingId, supporter, cancellationToken);
        if (Failed(result))
        {
            await OnGetAsync(cancellationToken);
            return Page();
        }
        var query = Query(Cursor);
        query.Add("notice", result.Value!.AlreadySupported ? "already" : "supported");
        return Redirect("/laporan" + query + "#r-" + Uri.EscapeDataString(trackingId));
    }

    public string NextPage(string cursor) => "/laporan" + Query(cursor);

    private QueryBuilder Query(string? cursor)
    {
        var query = new QueryBuilder();
        foreach (var (key, value) in new[] { ("region", Region), ("sector", Sector), ("q", Q), ("cursor", cursor) })
            if (!string.IsNullOrWhiteSpace(value)) query.Add(key, value);
        return query;
    }
}
