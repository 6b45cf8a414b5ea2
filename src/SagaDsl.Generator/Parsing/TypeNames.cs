using System.Linq;
using Microsoft.CodeAnalysis;

namespace SagaDsl.Generator;

/// <summary>How types are written into generated code: fully qualified, nullable annotations kept.</summary>
internal static class TypeNames
{
    private static readonly SymbolDisplayFormat Format = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    public static string Of(ITypeSymbol type) => type.ToDisplayString(Format);

    /// <summary>
    /// The type as <c>typeof</c> accepts it: without nullable reference annotations, and with
    /// <c>object</c> for a type that mentions <c>dynamic</c>, which has no runtime type of its own.
    /// </summary>
    public static string OfRuntime(ITypeSymbol type) =>
        MentionsDynamic(type) ? "global::System.Object" : type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);

    private static bool MentionsDynamic(ITypeSymbol type) => type switch
    {
        { TypeKind: TypeKind.Dynamic } => true,
        IArrayTypeSymbol array => MentionsDynamic(array.ElementType),
        INamedTypeSymbol named => named.TypeArguments.Any(MentionsDynamic),
        _ => false,
    };
}
