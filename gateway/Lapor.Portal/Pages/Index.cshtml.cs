using Lapor.Portal.Text;

namespace Lapor.Portal.Pages;

public sealed class IndexModel(PortalText text) : PortalPage(text)
{
    public void OnGet()
    {
    }
}
