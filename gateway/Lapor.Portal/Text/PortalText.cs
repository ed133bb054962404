using Lapor.Contracts;
using Lapor.ServiceDefaults;
using Microsoft.AspNetCore.Http;

namespace Lapor.Portal.Text;

/// <summary>
/// Every word the portal shows, in the visitor's language: Bahasa Indonesia unless they chose English
/// (cookie <c>lapor_lang</c>, set by <c>/bahasa</c>). A key without a translation shows itself, and a test fails.
/// </summary>
public sealed class PortalText(IHttpContextAccessor accessor)
{
    public const string Cookie = "lapor_lang";

    public bool English => accessor.HttpContext?.Request.Cookies[Cookie] == "en";

    public string Language => English ? "en" : "id";

    public string this[string key] =>
        Strings.All.TryGetValue(key, out var text) ? (English ? text.En : text.Id) : $"[{key}]";

    public string Format(string key, params object[] args) => string.Format(this[key], args);

    public string Status(ComplaintStatus status) => this["status." + LaporJson.WireName(status)];

    public string Type(ReportType type) => this["type." + LaporJson.WireName(type)];

    public string Sector(Sector sector) => this["sector." + LaporJson.WireName(sector)];

    public string SectorKey(string wireName) => Strings.All.ContainsKey("sector." + wireName) ? this["sector." + wireName] : wireName;

    public string Step(string step) => this["step." + step];

    public string Date(DateTimeOffset at) =>
        at.ToOffset(TimeSpan.FromHours(7)).ToString(English ? "d MMM yyyy, HH:mm 'WIB'" : "d MMM yyyy, HH.mm 'WIB'",
            System.Globalization.CultureInfo.GetCultureInfo(English ? "en-GB" : "id-ID"));
}
