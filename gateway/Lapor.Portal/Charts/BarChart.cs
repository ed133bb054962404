using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace Lapor.Portal.Charts;

/// <summary>
/// A horizontal bar chart as inline SVG, drawn on the server: no script, a few hundred bytes per bar, readable
/// by screen readers (a title and one labelled text per bar), and always shown next to its table.
/// </summary>
public static class BarChart
{
    private const int LabelWidth = 190, BarArea = 210, Row = 24, ValueWidth = 60;

    public static IHtmlContent Render(string title, IReadOnlyList<(string Label, double Value)> bars, string unit = "", double? maximum = null)
    {
        var max = maximum ?? Math.Max(1, bars.Count == 0 ? 1 : bars.Max(b => b.Value));
        var height = Math.Max(1, bars.Count) * Row + 8;
        var width = LabelWidth + BarArea + ValueWidth;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg class=\"chart\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{Encode(title)}\" xmlns=\"http://www.w3.org/2000/svg\"><title>{Encode(title)}</title>");
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, value) = bars[i];
            var y = 4 + i * Row;
            var length = Math.Max(value > 0 ? 2 : 0, BarArea * value / max);
            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{LabelWidth - 6}\" y=\"{y + 16}\" text-anchor=\"end\">{Encode(Shorten(label))}</text>" +
                $"<rect x=\"{LabelWidth}\" y=\"{y + 3}\" width=\"{length:0.#}\" height=\"{Row - 8}\" rx=\"3\" fill=\"#0b5cad\"/>" +
                $"<text x=\"{LabelWidth + length + 6:0.#}\" y=\"{y + 16}\">{value.ToString("0.#", CultureInfo.InvariantCulture)}{Encode(unit)}</text>");
        }
        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    private static string Shorten(string label) => label.Length <= 30 ? label : label[..29] + "…";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
