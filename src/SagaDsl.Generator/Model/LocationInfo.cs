using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace SagaDsl.Generator.Model;

/// <summary>
/// Where a diagnostic points, kept as plain values: a <see cref="Location"/> holds a syntax tree,
/// which would pin the whole compilation in the pipeline's cache.
/// </summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);

    public static LocationInfo? From(Location? location) =>
        location?.SourceTree is null ? null : new LocationInfo(location.SourceTree.FilePath, location.SourceSpan, location.GetLineSpan().Span);

    public static LocationInfo? From(SyntaxNode? node) => From(node?.GetLocation());
}
