using System.Globalization;
using System.Text;

namespace Lapor.ServiceDefaults;

/// <summary>
/// CSV for spreadsheets (RFC 4180): text cells quoted with spreadsheet formulas neutralised (a cell starting with
/// =, +, - or @ gets a leading apostrophe), numbers invariant, dates ISO 8601, nulls empty.
/// </summary>
public static class CsvTable
{
    public static string Write(IReadOnlyList<string> header, IEnumerable<object?[]> rows)
    {
        var csv = new StringBuilder();
        csv.AppendLine(string.Join(',', header));
        foreach (var row in rows) csv.AppendLine(string.Join(',', row.Select(Cell)));
        return csv.ToString();
    }

    private static string Cell(object? value) => value switch
    {
        null => "",
        string text => Escape(text),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset moment => moment.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => Escape(value.ToString() ?? ""),
    };

    private static string Escape(string text) =>
        "\"" + (text.StartsWith('=') || text.StartsWith('+') || text.StartsWith('-') || text.StartsWith('@') ? "'" + text : text).Replace("\"", "\"\"") + "\"";
}
