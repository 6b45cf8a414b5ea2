using Microsoft.CodeAnalysis;

namespace SagaDsl.Benchmarks.Figures;

/// <summary>
/// The least an attribute-driven generator can do: find every [Saga] class through
/// ForAttributeWithMetadataName and read its name. The floor under our generator's cost.
/// </summary>
internal sealed class FindSagasOnly : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var names = context.SyntaxProvider.ForAttributeWithMetadataName(
            "SagaDsl.SagaAttribute",
            static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax,
            static (attributed, _) => attributed.TargetSymbol.Name);
        context.RegisterSourceOutput(names, static (_, _) => { });
    }
}
