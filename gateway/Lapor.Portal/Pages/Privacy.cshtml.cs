using Lapor.Portal.Text;
using Microsoft.Extensions.Configuration;

namespace Lapor.Portal.Pages;

/// <summary>What Lapor keeps about a reporter, for how long, who sees it, and the reporter's rights (UU 27/2022).</summary>
public sealed class PrivacyModel(PortalText text, IConfiguration configuration) : PortalPage(text)
{
    /// <summary>Days after a report closes that its reporter's personal data is kept (Intake's <c>Lapor:Privacy:RetentionDays</c>).</summary>
    public int RetentionDays { get; } = configuration.GetValue("Lapor:Privacy:RetentionDays", 365);

    public void OnGet() { }
}
