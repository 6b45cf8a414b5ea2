using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SagaDsl.Analyzers.Versioning;
using SagaDsl.Generator;
using SagaDsl.Generator.Diagnostics;

namespace SagaDsl.Analyzers.Declarations;

/// <summary>
/// Reports every misuse of <c>[Saga]</c>, <c>[SagaStep]</c> and <c>[CompensatedBy]</c> while typing,
/// with the same parser the generator uses, so the two never disagree. The generator emits a saga's
/// workflow only when this analyzer finds it valid, and stand-ins of its public types otherwise. A
/// valid saga is then compared with its shipped shapes, as the generator versions it.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SagaDeclarationAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.CreateRange(SagaDiagnostics.Declarations.Concat(SagaDiagnostics.Versioning));

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
            var shapes = ShippedShapeChecks.Register(start, trees);
            var stepAttribute = start.Compilation.GetTypeByMetadataName(KnownTypes.SagaStepAttribute);
            start.RegisterSymbolAction(symbol => Analyze(symbol, sagaAttribute, stepAttribute, trees, shapes), SymbolKind.NamedType);
        });
    }

    private static void Analyze(SymbolAnalysisContext context, INamedTypeSymbol sagaAttribute, INamedTypeSymbol? stepAttribute, SourceTrees trees, ShippedShapeChecks shapes)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (!type.GetAttributes().Any(attribute => SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, sagaAttribute)))
        {
            ReportStepsOutsideSaga(context, type, stepAttribute);
            return;
        }

        foreach (var attribute in type.GetAttributes())
        {
            if (!SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, sagaAttribute))
            {
                continue;
            }

            var result = SagaParser.Parse(type, attribute, context.Compilation, context.CancellationToken);
            // SAGA026 below is the analyzer's own: the generator never sees a class without [Saga].
            foreach (var diagnostic in result.Diagnostics)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    SagaDiagnostics.Find(diagnostic.Id),
                    trees.Locate(diagnostic.Location),
                    diagnostic.MessageArgs.Cast<object>().ToArray()));
            }

            if (result.Saga is { } saga)
            {
                shapes.Check(context, saga, result.Identity?.Location);
            }
        }
    }

    /// <summary>
    /// A [SagaStep] in a class without [Saga] is never generated: the class may have lost its
    /// attribute, or be the base of a saga, whose generator reads only the saga's own methods.
    /// </summary>
    private static void ReportStepsOutsideSaga(SymbolAnalysisContext context, INamedTypeSymbol type, INamedTypeSymbol? stepAttribute)
    {
        if (stepAttribute is null)
        {
            return;
        }

        foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
        {
            var step = method.GetAttributes().FirstOrDefault(attribute => SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, stepAttribute));
            if (step?.ApplicationSyntaxReference is not { } reference)
            {
                continue;
            }

            var hint = IsBaseOfSaga(context.Compilation, type)
                ? "; a saga runs only the steps it declares itself, not those of its base class: move the step into the saga"
                : "; mark the class [Saga] and partial, or remove the attribute";
            context.ReportDiagnostic(Diagnostic.Create(SagaDiagnostics.StepOutsideSaga, reference.GetSyntax(context.CancellationToken).GetLocation(), method.Name, type.Name, hint));
        }
    }

    private static bool IsBaseOfSaga(Compilation compilation, INamedTypeSymbol type) =>
        compilation.GetSymbolsWithName(static _ => true, SymbolFilter.Type).OfType<INamedTypeSymbol>()
            .Any(candidate => SymbolEqualityComparer.Default.Equals(candidate.BaseType?.OriginalDefinition, type.OriginalDefinition)
                && candidate.GetAttributes().Any(static attribute => attribute.AttributeClass?.ToDisplayString() == KnownTypes.SagaAttribute));
}
