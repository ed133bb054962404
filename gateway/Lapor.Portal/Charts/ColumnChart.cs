using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace Lapor.Portal.Charts;

/// <summary>A time series as inline SVG columns (one per day), drawn on the server, with its title for screen readers.</summary>
public static class ColumnChart
{
    private const int Width = 600, Height = 140, Bottom = 20;

    public static IHtmlContent Render(string title, IReadOnlyList<(string Label, double Value)> points)
    {
        var max = Math.Max(1, points.Count == 0 ? 1 : points.Max(p => p.Value));
        var step = points.Count == 0 ? Width : (double)Width / points.Count;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg class=\"chart\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{Encode(title)}\" xmlns=\"http://www.w3.org/2000/svg\"><title>{Encode(title)}</title>");
        for (var i = 0; i < points.Count; i++)
        {
            var (label, value) = points[i];
            var height = (Height - Bottom - 14) * value / max;
            var x = i * step;
            svg.Append(CultureInfo.InvariantCulture,
                $"<rect x=\"{x + 1:0.#}\" y=\"{Height - Bottom - height:0.#}\" width=\"{Math.Max(1, step - 2):0.#}\" height=\"{height:0.#}\" fill=\"#0b5cad\"><title>{Encode(label)}: {value:0}</title></rect>");
        }
        if (points.Count > 0)
            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"0\" y=\"{Height - 4}\">{Encode(points[0].Label)}</text><text x=\"{Width}\" y=\"{Height - 4}\" text-anchor=\"end\">{Encode(points[^1].Label)}</text>" +
                $"<text x=\"0\" y=\"10\">{max:0}</text>");
        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
