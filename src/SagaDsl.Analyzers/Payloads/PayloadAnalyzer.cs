using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using SagaDsl.Generator;
using SagaDsl.Generator.Diagnostics;

namespace SagaDsl.Analyzers.Payloads;

/// <summary>
/// SAGA025: every value a saga passes through Temporal (its input, each step's and compensation's
/// parameters and results) must come back whole from Temporal's default data converter. What does
/// not fails inside the workflow, where nothing is compensated, or arrives empty, where nothing fails.
/// The generated code compiles either way, so this rule does not stop generation: a worker with a
/// DataConverter that handles the type turns the rule off.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PayloadAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(SagaDiagnostics.PayloadDoesNotRoundTrip);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            if (start.Compilation.GetTypeByMetadataName(KnownTypes.SagaAttribute) is not { } sagaAttribute)
            {
                return;
            }

            var known = KnownTypes.From(start.Compilation);
            var shapes = new PayloadShapes(new PayloadTypes(start.Compilation));
            start.RegisterSymbolAction(symbol => Analyze(symbol, sagaAttribute, known, shapes), SymbolKind.NamedType);
        });
    }

    private static void Analyze(SymbolAnalysisContext context, INamedTypeSymbol sagaAttribute, KnownTypes known, PayloadShapes shapes)
    {
        var saga = (INamedTypeSymbol)context.Symbol;
        if (!saga.GetAttributes().Any(attribute => SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, sagaAttribute)))
        {
            return;
        }

        var methods = saga.GetMembers().OfType<IMethodSymbol>().ToList();
        var reported = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
        foreach (var step in methods.Where(method => KnownTypes.Find(method, known.SagaStep) is not null))
        {
            Check(context, step, "step", known, shapes, reported);
            if (KnownTypes.Find(step, known.CompensatedBy) is { ConstructorArguments: [{ Value: string name }] }
                && methods.Where(method => method.Name == name && KnownTypes.Find(method, known.SagaStep) is null).ToList() is [var compensation])
            {
                Check(context, compensation, "compensation", known, shapes, reported);
            }
        }
    }

    private static void Check(SymbolAnalysisContext context, IMethodSymbol method, string role, KnownTypes known, PayloadShapes shapes, HashSet<ITypeSymbol> reported)
    {
        foreach (var parameter in method.Parameters)
        {
            // Bound by the worker, not carried in a payload; other kinds are SAGA009.
            if (parameter.RefKind != RefKind.None || KnownTypes.Is(parameter.Type, known.StepContext) || KnownTypes.Is(parameter.Type, known.CancellationToken))
            {
                continue;
            }

            var declared = parameter.DeclaringSyntaxReferences.Select(reference => reference.GetSyntax(context.CancellationToken)).OfType<ParameterSyntax>().FirstOrDefault();
            Report(context, parameter.Type, declared?.Type?.GetLocation() ?? parameter.Locations.FirstOrDefault(), "parameter '" + parameter.Name + "' of " + role + " '" + method.Name + "'", shapes, reported);
        }

        if (Result(method, known) is { } result)
        {
            var declared = method.DeclaringSyntaxReferences.Select(reference => reference.GetSyntax(context.CancellationToken)).OfType<MethodDeclarationSyntax>().FirstOrDefault();
            Report(context, result, ResultSyntax(declared?.ReturnType)?.GetLocation() ?? method.Locations.FirstOrDefault(), "the result of " + role + " '" + method.Name + "'", shapes, reported);
        }
    }

    /// <summary>What the activity's payload holds: the value returned, or awaited from a task.</summary>
    private static ITypeSymbol? Result(IMethodSymbol method, KnownTypes known)
    {
        var returned = method.ReturnType;
        if (method.ReturnsVoid || method.ReturnsByRef || method.ReturnsByRefReadonly || KnownTypes.Is(returned, known.Task) || KnownTypes.Is(returned, known.ValueTask))
        {
            return null;
        }

        return returned is INamedTypeSymbol { TypeArguments: [var awaited] } generic && (KnownTypes.Is(generic, known.TaskOfT) || KnownTypes.Is(generic, known.ValueTaskOfT))
            ? awaited
            : returned;
    }

    /// <summary>The type argument of <c>Task&lt;T&gt;</c> or <c>ValueTask&lt;T&gt;</c>, the return type otherwise.</summary>
    private static TypeSyntax? ResultSyntax(TypeSyntax? returned)
    {
        var generic = returned is QualifiedNameSyntax qualified ? qualified.Right as GenericNameSyntax : returned as GenericNameSyntax;
        return generic is { Identifier.ValueText: "Task" or "ValueTask", TypeArgumentList.Arguments: [var awaited] } ? awaited : returned;
    }

    private static void Report(SymbolAnalysisContext context, ITypeSymbol type, Location? location, string use, PayloadShapes shapes, HashSet<ITypeSymbol> reported)
    {
        // One report per type and saga: the first use names it, the fix is the same for the rest.
        if (shapes.Check(type, context.CancellationToken) is not { } problem || !reported.Add(type))
        {
            return;
        }

        var why = problem.Path is null ? problem.Why : problem.Path + ": " + problem.Why;
        context.ReportDiagnostic(Diagnostic.Create(
            SagaDiagnostics.PayloadDoesNotRoundTrip,
            location,
            type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat),
            use,
            why,
            problem.Fix));
    }
}
