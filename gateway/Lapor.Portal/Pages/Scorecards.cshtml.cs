using Lapor.Portal.Api;
using Lapor.Portal.Text;

namespace Lapor.Portal.Pages;

/// <summary>Every agency's public scorecard (UU 25/2009 art. 23): counts, speed and ratings, for anyone, without signing in.</summary>
public sealed class ScorecardsModel(PortalText text, CitizenClient citizens) : PortalPage(text)
{
    public IReadOnlyList<Scorecard> Cards { get; private set; } = [];
    private Dictionary<string, string> _names = [];

    /// <summary>An agency's name from the directory; its id when the directory is unreachable.</summary>
    public string Name(string id) => _names.GetValueOrDefault(id, id);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var cards = citizens.ScorecardsAsync(cancellationToken);
        var directory = citizens.AgenciesAsync(cancellationToken);
        if (Failed(await cards)) return;
        Cards = cards.Result.Value!;
        if (await directory is { Ok: true } agencies) _names = agencies.Value!.ToDictionary(a => a.Id, a => a.Name);
    }
}
