using System.Globalization;

namespace Lapor.Contracts.Reference;

/// <summary>A day off for the whole civil service: a national holiday (<c>libur_nasional</c>) or a <c>cuti_bersama</c> day.</summary>
public sealed record Holiday(DateOnly Date, string Kind, string Name, string Source);

/// <summary>
/// Indonesia's national holidays and <i>cuti bersama</i> as the SKB of the Ministers of Religious Affairs, Manpower and
/// Administrative Reform decide them each year, shipped as <c>holidays.csv</c> (date, kind, name, source): 2025
/// (SKB 1017/2024, 2/2024, 2/2024, with the 18 August 2025 amendment) and 2026 (SKB 1497/2025, 2/2025, 5/2025).
/// Later years are added when their SKB is signed: in this file, or by an operator's file of the same shape.
/// </summary>
public static class Holidays
{
    /// <summary>The calendar shipped with Lapor.</summary>
    public static readonly IReadOnlyList<Holiday> Shipped = Parse(ReadShipped());

    /// <summary>
    /// The days off a service counts with: an operator's file (<paramref name="replacementFile"/>, same columns)
    /// instead of the shipped one when given, plus any <paramref name="extra"/> days (a regional or one-off holiday).
    /// </summary>
    public static IReadOnlySet<DateOnly> Load(string? replacementFile, IEnumerable<DateOnly>? extra = null)
    {
        var calendar = replacementFile is { Length: > 0 } file ? Parse(File.ReadAllText(file)) : Shipped;
        return calendar.Select(h => h.Date).Concat(extra ?? []).ToHashSet();
    }

    public static IReadOnlyList<Holiday> Parse(string csv) =>
        csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => !line.StartsWith("date,", StringComparison.Ordinal) && !line.StartsWith('#'))
            .Select(line => line.Split(',', 4))
            .Select(f => new Holiday(DateOnly.ParseExact(f[0], "yyyy-MM-dd", CultureInfo.InvariantCulture), f[1], f.Length > 2 ? f[2] : "", f.Length > 3 ? f[3] : ""))
            .ToList();

    private static string ReadShipped()
    {
        using var stream = typeof(Holidays).Assembly.GetManifestResourceStream("Lapor.Contracts.Reference.holidays.csv")
            ?? throw new InvalidOperationException("holidays.csv is not embedded in Lapor.Contracts.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
