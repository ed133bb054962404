using System.Buffers.Binary;
using Lapor.Triage.Domain.Classification;

namespace Lapor.Triage.Domain;

/// <summary>
/// What the duplicate search compares of a report: the normalised content words of its title, and of its title and
/// opening text, each kept as a sorted set of 32-bit hashes. Computed once when the report is triaged and stored with
/// it, so a new report is compared with its candidates without reading their text or normalising it again.
/// </summary>
public sealed record WordPrint(uint[] Title, uint[] All)
{
    /// <summary>How much of the text is compared (the opening says what a report is about).</summary>
    public const int TextCompared = 600;

    public static WordPrint Of(string title, string text) =>
        new(Hashes(title), Hashes(title + " . " + (text.Length > TextCompared ? text[..TextCompared] : text)));

    /// <summary>Jaccard similarity of the title words and of all the words, weighted equally.</summary>
    public double Similarity(WordPrint other) => 0.5 * Jaccard(Title, other.Title) + 0.5 * Jaccard(All, other.All);

    /// <summary>Shared over distinct hashes of two sorted sets, by one merge.</summary>
    public static double Jaccard(uint[] a, uint[] b)
    {
        if (a.Length == 0 || b.Length == 0) return 0;
        int i = 0, j = 0, shared = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) { shared++; i++; j++; }
            else if (a[i] < b[j]) i++;
            else j++;
        }
        return (double)shared / (a.Length + b.Length - shared);
    }

    /// <summary>Stored form: the title's count, then the title's hashes, then all the hashes (little-endian).</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[4 * (1 + Title.Length + All.Length)];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, Title.Length);
        for (var i = 0; i < Title.Length; i++) BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4 * (1 + i)), Title[i]);
        for (var i = 0; i < All.Length; i++) BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4 * (1 + Title.Length + i)), All[i]);
        return bytes;
    }

    public static WordPrint FromBytes(byte[] bytes)
    {
        var titleCount = BinaryPrimitives.ReadInt32LittleEndian(bytes);
        var hashes = new uint[bytes.Length / 4 - 1];
        for (var i = 0; i < hashes.Length; i++) hashes[i] = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(4 * (1 + i)));
        return new WordPrint(hashes[..titleCount], hashes[titleCount..]);
    }

    private static uint[] Hashes(string text)
    {
        var hashes = new SortedSet<uint>();
        foreach (var word in TextNormalizer.Words(text)) hashes.Add(Fnv1a(word));
        return [.. hashes];
    }

    /// <summary>FNV-1a over the word's UTF-16 code units: stable across processes and releases, unlike string.GetHashCode.</summary>
    private static uint Fnv1a(string word)
    {
        var hash = 2166136261u;
        foreach (var c in word)
        {
            hash = (hash ^ (byte)c) * 16777619u;
            hash = (hash ^ (byte)(c >> 8)) * 16777619u;
        }
        return hash;
    }
}
