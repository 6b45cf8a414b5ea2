using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;

namespace SagaDsl.Testing.Snapshots;

/// <summary>
/// Diagnostics as the compiler prints them in a build, <c>File.cs(line,column): error SAGA005: message</c>,
/// with paths relative to the saga's folder so the text is the same on every machine.
/// </summary>
internal static class DiagnosticsReport
{
    public static IReadOnlyList<Diagnostic> Ordered(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics
            .OrderBy(diagnostic => diagnostic.Location.SourceTree?.FilePath ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(diagnostic => diagnostic.Location.SourceSpan.Start)
            .ThenBy(diagnostic => diagnostic.Id, StringComparer.Ordinal)
            .ThenBy(diagnostic => diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparer.Ordinal)
            .ToList();

    public static string Format(IEnumerable<Diagnostic> diagnostics)
    {
        var text = new StringBuilder();
        foreach (var diagnostic in diagnostics)
        {
            text.AppendLine(Line(diagnostic));
        }

        return SnapshotText.Normalize(text.ToString());
    }

    public static string Line(Diagnostic diagnostic)
    {
        var severity = diagnostic.Severity.ToString().ToLowerInvariant();
        var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        if (!diagnostic.Location.IsInSource)
        {
            return $"{severity} {diagnostic.Id}: {message}";
        }

        var span = diagnostic.Location.GetLineSpan();
        return string.Format(
            CultureInfo.InvariantCulture,
            "{0}({1},{2}): {3} {4}: {5}",
            span.Path,
            span.StartLinePosition.Line + 1,
            span.StartLinePosition.Character + 1,
            severity,
            diagnostic.Id,
            message);
    }
}
