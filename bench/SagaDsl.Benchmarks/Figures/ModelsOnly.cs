using Microsoft.CodeAnalysis;
using SagaDsl.Generator;

namespace SagaDsl.Benchmarks.Figures;

/// <summary>The generator's pipeline up to its models, without writing any file: what reading sagas costs.</summary>
internal sealed class ModelsOnly : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var models = context.SyntaxProvider.ForAttributeWithMetadataName(
            "SagaDsl.SagaAttribute",
            static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax,
            static (attributed, cancellationToken) => SagaParser.Parse(attributed, cancellationToken));
        context.RegisterSourceOutput(models, static (_, _) => { });
    }
}
