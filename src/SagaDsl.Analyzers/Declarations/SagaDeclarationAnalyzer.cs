using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SagaDsl.Generator;
using SagaDsl.Generator.Diagnostics;

namespace SagaDsl.Analyzers.Declarations;

/// <summary>
/// Reports every misuse of <c>[Saga]</c>, <c>[SagaStep]</c> and <c>[CompensatedBy]</c> while typing,
/// with the same parser the generator uses, so the two never disagree. The generator emits a saga's
/// workflow only when this analyzer finds it valid, and stand-ins of its public types otherwise.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SagaDeclarationAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.CreateRange(SagaDiagnostics.Declarations);

    public override void Initialize(AnalysisContext context)
    {
        // Sagas are written by hand; generated code holds none.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            if (start.Compilation.GetTypeByMetadataName(KnownTypes.SagaAttribute) is not { } sagaAttribute)
            {
                return;
            }

            var trees = new SourceTrees(start.Compilation);
            start.RegisterSymbolAction(symbol => Analyze(symbol, sagaAttribute, trees), SymbolKind.NamedType);
        });
    }

    private static void Analyze(SymbolAnalysisContext context, INamedTypeSymbol sagaAttribute, SourceTrees trees)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        foreach (var attribute in type.GetAttributes())
        {
            if (!SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, sagaAttribute))
            {
                continue;
            }

            var result = SagaParser.Parse(type, attribute, context.Compilation, context.CancellationToken);
            foreach (var diagnostic in result.Diagnostics)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    SagaDiagnostics.Find(diagnostic.Id),
                    trees.Locate(diagnostic.Location),
                    diagnostic.MessageArgs.Cast<object>().ToArray()));
            }
        }
    }
}
