using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace SagaDsl.Benchmarks;

/// <summary>One measured figure: ours against a baseline, and the target the ratio must meet.</summary>
/// <param name="Name">What is measured.</param>
/// <param name="Ours">Our figure, with its unit.</param>
/// <param name="Baseline">What it is compared with, with its unit.</param>
/// <param name="Ratio">Ours divided by the baseline, or null for figures without a ratio target.</param>
/// <param name="Target">The ratio target, in words.</param>
/// <param name="Pass">Whether the target is met, or null for figures reported without a target.</param>
internal sealed record Figure(string Name, string Ours, string Baseline, double? Ratio, string Target, bool? Pass)
{
    public static Figure AtMost(string name, string ours, string baseline, double ratio, double limit, string unit = "") =>
        new(name, ours, baseline, ratio, $"<= {Format(limit)}{unit}", ratio <= limit);

    public static Figure Info(string name, string ours, string baseline = "") => new(name, ours, baseline, null, string.Empty, null);

    public static string Format(double value) => value.ToString(value >= 100 ? "0" : value >= 1 ? "0.00" : "0.000", CultureInfo.InvariantCulture);

    public static string Milliseconds(TimeSpan time) => time.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture) + " ms";

    public static string Megabytes(long bytes) => (bytes / 1024d / 1024d).ToString("0.0", CultureInfo.InvariantCulture) + " MB";
}

internal static class Table
{
    public static void Print(IReadOnlyList<Figure> figures)
    {
        var header = new[] { "figure", "ours", "baseline", "ratio", "target", "result" };
        var rows = figures.Select(figure => new[]
        {
            figure.Name,
            figure.Ours,
            figure.Baseline,
            figure.Ratio is { } ratio ? Figure.Format(ratio) : string.Empty,
            figure.Target,
            figure.Pass switch { true => "pass", false => "FAIL", null => string.Empty },
        }).ToList();
        var widths = header.Select((title, column) => rows.Select(row => row[column].Length).Append(title.Length).Max()).ToArray();

        Console.WriteLine(Line(header, widths));
        Console.WriteLine(Line(widths.Select(width => new string('-', width)).ToArray(), widths));
        foreach (var row in rows)
        {
            Console.WriteLine(Line(row, widths));
        }
    }

    private static string Line(string[] cells, int[] widths) =>
        "| " + string.Join(" | ", cells.Select((cell, column) => cell.PadRight(widths[column]))) + " |";
}
