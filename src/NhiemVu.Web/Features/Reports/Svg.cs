using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace NhiemVu.Web.Features.Reports;

/// <summary>Small server-rendered SVG charts (no script): they scale with the page width, each bar is a link.</summary>
public static class Svg
{
    private static string E(string s) => WebUtility.HtmlEncode(s);
    private static string N(double d) => d.ToString("0.#", CultureInfo.InvariantCulture);

    public sealed record Bar(string Label, int Value, string Href);

    /// <summary>Horizontal bars: the label on its own line, the bar and its value under it (readable on a phone).</summary>
    public static IHtmlContent HorizontalBars(string title, IReadOnlyList<Bar> bars, string cssClass = "bar-overdue")
    {
        const double width = 320, row = 40, labelH = 15, barH = 16;
        var max = Math.Max(1, bars.Count == 0 ? 1 : bars.Max(b => b.Value));
        var h = Math.Max(row, bars.Count * row);
        var sb = new StringBuilder();
        sb.Append($"<svg class=\"chart\" viewBox=\"0 0 {N(width)} {N(h)}\" role=\"group\" aria-label=\"{E(title)}\" xmlns=\"http://www.w3.org/2000/svg\"><title>{E(title)}</title>");
        for (var i = 0; i < bars.Count; i++)
        {
            var b = bars[i];
            var y = i * row;
            var w = Math.Max(2, (width - 40) * b.Value / max);
            sb.Append($"<a href=\"{E(b.Href)}\"><text x=\"0\" y=\"{N(y + 12)}\" class=\"lbl\">{E(b.Label)}</text>")
              .Append($"<rect x=\"0\" y=\"{N(y + labelH + 2)}\" width=\"{N(w)}\" height=\"{N(barH)}\" rx=\"3\" class=\"{cssClass}\"/>")
              .Append($"<text x=\"{N(w + 6)}\" y=\"{N(y + labelH + 15)}\" class=\"val\">{b.Value}</text></a>");
        }
        sb.Append("</svg>");
        return new HtmlString(sb.ToString());
    }

    public sealed record Stack(string Label, IReadOnlyList<(int Value, string Css, string Href)> Parts, string Caption);

    /// <summary>Stacked columns (e.g. one per month), the total above each, the label under it.</summary>
    public static IHtmlContent StackedColumns(string title, IReadOnlyList<Stack> columns)
    {
        const double width = 320, height = 200, top = 18, bottom = 34;
        var max = Math.Max(1, columns.Count == 0 ? 1 : columns.Max(c => c.Parts.Sum(p => p.Value)));
        var slot = width / Math.Max(1, columns.Count);
        var colW = Math.Min(36, slot * 0.6);
        var plot = height - top - bottom;
        var sb = new StringBuilder();
        sb.Append($"<svg class=\"chart\" viewBox=\"0 0 {N(width)} {N(height)}\" role=\"group\" aria-label=\"{E(title)}\" xmlns=\"http://www.w3.org/2000/svg\"><title>{E(title)}</title>");
        sb.Append($"<line x1=\"0\" x2=\"{N(width)}\" y1=\"{N(height - bottom)}\" y2=\"{N(height - bottom)}\" class=\"axis\"/>");
        for (var i = 0; i < columns.Count; i++)
        {
            var c = columns[i];
            var x = i * slot + (slot - colW) / 2;
            var y = height - bottom;
            foreach (var (value, css, href) in c.Parts)
            {
                if (value == 0) continue;
                var hgt = plot * value / max;
                y -= hgt;
                sb.Append($"<a href=\"{E(href)}\"><rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(colW)}\" height=\"{N(hgt)}\" class=\"{css}\"><title>{value}</title></rect></a>");
            }
            var total = c.Parts.Sum(p => p.Value);
            sb.Append($"<text x=\"{N(x + colW / 2)}\" y=\"{N(y - 4)}\" class=\"val\" text-anchor=\"middle\">{total}</text>")
              .Append($"<text x=\"{N(x + colW / 2)}\" y=\"{N(height - bottom + 14)}\" class=\"lbl\" text-anchor=\"middle\">{E(c.Label)}</text>")
              .Append($"<text x=\"{N(x + colW / 2)}\" y=\"{N(height - bottom + 28)}\" class=\"cap\" text-anchor=\"middle\">{E(c.Caption)}</text>");
        }
        sb.Append("</svg>");
        return new HtmlString(sb.ToString());
    }
}
