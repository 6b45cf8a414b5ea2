using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using SagaDsl.Generator.Model;

namespace SagaDsl.Analyzers.Declarations;

/// <summary>
/// Turns the parser's plain locations back into locations in the compilation's syntax trees, so the
/// IDE underlines them and <c>#pragma warning disable</c> and suppressions apply.
/// </summary>
internal sealed class SourceTrees
{
    private readonly Lazy<Dictionary<string, SyntaxTree>> byPath;

    public SourceTrees(Compilation compilation) =>
        byPath = new Lazy<Dictionary<string, SyntaxTree>>(() => compilation.SyntaxTrees
            .GroupBy(static tree => tree.FilePath, StringComparer.Ordinal)
            .ToDictionary(static group => group.Key, static group => group.First(), StringComparer.Ordinal));

    public Location? Locate(LocationInfo? location)
    {
        if (location is null)
        {
            return null;
        }

        return byPath.Value.TryGetValue(location.FilePath, out var tree) && location.Span.End <= tree.Length
            ? Location.Create(tree, location.Span)
            : location.ToLocation();
    }
}
