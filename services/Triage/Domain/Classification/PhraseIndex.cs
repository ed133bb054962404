namespace Lapor.Triage.Domain.Classification;

/// <summary>
/// Which of many phrases occur in a text of words joined by single spaces, found in one pass over the words:
/// every run of up to the longest phrase's word count is looked up (as a span of the text, without allocating).
/// A phrase matches whole words only, as the earlier " phrase " substring search did.
/// </summary>
public sealed class PhraseIndex<T>
{
    private readonly Dictionary<string, List<T>> _phrases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<T>>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly int _longest;

    public PhraseIndex(IEnumerable<(string Phrase, T Value)> phrases)
    {
        foreach (var (phrase, value) in phrases)
        {
            var words = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0) continue;
            var key = string.Join(' ', words);
            if (!_phrases.TryGetValue(key, out var values)) _phrases[key] = values = [];
            values.Add(value);
            _longest = Math.Max(_longest, words.Length);
        }
        _lookup = _phrases.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The values of every phrase found in <paramref name="text"/> (words separated by single spaces), in text order.</summary>
    public List<T> Find(string text)
    {
        var found = new List<T>();
        Span<int> ends = stackalloc int[_longest];
        var start = 0;
        while (start < text.Length)
        {
            // The ends of the next few words from this one.
            var count = 0;
            for (var at = start; count < _longest && at <= text.Length; count++)
            {
                var space = text.IndexOf(' ', at);
                ends[count] = space < 0 ? text.Length : space;
                if (space < 0) { count++; break; }
                at = space + 1;
            }
            for (var n = 0; n < count; n++)
                if (_lookup.TryGetValue(text.AsSpan(start, ends[n] - start), out var values)) found.AddRange(values);
            var next = text.IndexOf(' ', start);
            if (next < 0) break;
            start = next + 1;
        }
        return found;
    }
}
