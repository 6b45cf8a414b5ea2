using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.Text;

namespace SagaDsl.Generator.Tests.Infrastructure;

/// <summary>
/// Reads the testing library's markup, <c>{|SAGA005:text|}</c>: the diagnostic id and the exact
/// span it must be reported on. Returns the source without markup.
/// </summary>
internal static partial class DiagnosticMarkup
{
    public static (string Source, IReadOnlyList<(string Id, TextSpan Span)> Expected) Parse(string marked)
    {
        var source = new StringBuilder();
        var expected = new List<(string, TextSpan)>();
        var position = 0;
        foreach (Match match in Markup().Matches(marked))
        {
            source.Append(marked, position, match.Index - position);
            var start = source.Length;
            source.Append(match.Groups["text"].Value);
            expected.Add((match.Groups["id"].Value, TextSpan.FromBounds(start, source.Length)));
            position = match.Index + match.Length;
        }

        source.Append(marked, position, marked.Length - position);
        return (source.ToString(), expected);
    }

    [GeneratedRegex(@"\{\|(?<id>SAGA\d{3}):(?<text>.*?)\|\}", RegexOptions.Singleline)]
    private static partial Regex Markup();
}
