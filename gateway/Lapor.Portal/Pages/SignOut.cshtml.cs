using Lapor.Portal.Text;
using Lapor.ServiceDefaults.Security;
using Microsoft.AspNetCore.Mvc;

namespace Lapor.Portal.Pages;

public sealed class SignOutModel(PortalText text) : PortalPage(text)
{
    public IActionResult OnPost()
    {
        Response.Cookies.Delete(PortalSession.Cookie);
        return LocalRedirect("/");
    }
}
