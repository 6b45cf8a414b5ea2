using System;
using System.Collections.Generic;
using System.Linq;

namespace SagaDsl.Generator.Tests.Infrastructure;

/// <summary>
/// One type of a generated file, with its doc comment and attributes, for tests about that part alone:
/// its snapshot holds the part rather than the whole file again.
/// </summary>
internal static class GeneratedPart
{
    /// <summary>Gets the declaration of <paramref name="typeName"/> in <paramref name="file"/>.</summary>
    public static string Of(string file, string typeName)
    {
        var lines = Lines(file);
        var (start, end) = Find(lines, typeName);
        return string.Join("\n", lines.Skip(start).Take(end - start + 1)) + "\n";
    }

    /// <summary>Gets <paramref name="file"/> without the declaration of <paramref name="typeName"/> and the blank line before it.</summary>
    public static string Without(string file, string typeName)
    {
        var lines = Lines(file);
        var (start, end) = Find(lines, typeName);
        var before = start > 0 && lines[start - 1].Length == 0 ? start - 1 : start;
        return string.Join("\n", lines.Take(before).Concat(lines.Skip(end + 1)));
    }

    private static List<string> Lines(string file) => file.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList();

    private static (int Start, int End) Find(List<string> lines, string typeName)
    {
        var declaration = lines.FindIndex(line => line.Contains(" class " + typeName, StringComparison.Ordinal) && !line.TrimStart().StartsWith("///", StringComparison.Ordinal));
        if (declaration < 0)
        {
            throw new InvalidOperationException($"No class {typeName} in the generated file.");
        }

        var start = declaration;
        while (start > 0 && (lines[start - 1].TrimStart().StartsWith("///", StringComparison.Ordinal) || lines[start - 1].TrimStart().StartsWith('[')))
        {
            start--;
        }

        var closing = lines[declaration][..^lines[declaration].TrimStart().Length] + "}";
        var end = lines.FindIndex(declaration, line => line == closing);
        return (start, end);
    }
}
