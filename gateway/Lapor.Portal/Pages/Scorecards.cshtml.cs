using Lapor.Portal.Api;
using Lapor.Portal.Text;
using Microsoft.AspNetCore.Mvc;

namespace Lapor.Portal.Pages;

/// <summary>Every agency's public scorecard (UU 25/2009 art. 23): counts, speed and ratings, for anyone, without signing in.</summary>
public sealed class ScorecardsModel(PortalText text, CitizenClient citizens) : PortalPage(text)
{
    /// <summary>How many scorecards a page shows: the national directory has thousands of agencies.</summary>
    public const int PageSize = 50;

    /// <summary>The cards of this page (those whose agency name or id holds <see cref="Search"/>), busiest first.</summary>
    public IReadOnlyList<Scorecard> Cards { get; private set; } = [];
    /// <summary>How many agencies match, on every page.</summary>
    public int Matching { get; private set; }
    [BindProperty(SupportsGet = true, Name = "cari")] public string? Search { get; set; }
    [BindProperty(SupportsGet = true, Name = "halaman")] public int PageNumber { get; set; } = 1;
    public bool HasNext => PageNumber * PageSize < Matching;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var cards = await citizens.ScorecardsAsync(cancellationToken);
        if (Failed(cards)) return;
        var matching = cards.Value!.Where(c => Search is not { Length: > 0 } q
            || (c.Name ?? "").Contains(q.Trim(), StringComparison.OrdinalIgnoreCase) || c.AgencyId.Contains(q.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
        PageNumber = Math.Max(1, PageNumber);
        Matching = matching.Count;
        Cards = [.. matching.Skip((PageNumber - 1) * PageSize).Take(PageSize)];
    }
}
