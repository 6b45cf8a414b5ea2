using Microsoft.CodeAnalysis;

namespace SagaDsl.Generator;

/// <summary>How types are written into generated code: fully qualified, nullable annotations kept.</summary>
internal static class TypeNames
{
    private static readonly SymbolDisplayFormat Format = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    public static string Of(ITypeSymbol type) => type.ToDisplayString(Format);
}
