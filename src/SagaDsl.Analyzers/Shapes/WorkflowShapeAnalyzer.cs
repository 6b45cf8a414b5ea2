using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SagaDsl.Analyzers.Diagnostics;

namespace SagaDsl.Analyzers.Shapes;

/// <summary>
/// Checks a <c>[Workflow]</c> class's run method, init constructor and handlers against what the
/// Temporal .NET SDK accepts (its <c>WorkflowDefinition</c> and handler definitions), at compile time
/// instead of when a worker starts. Dynamic workflows and handlers, whose signatures the SDK fixes
/// differently, are left alone.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class WorkflowShapeAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The property naming the code fix a SAGA202 diagnostic has, if any.</summary>
    public const string FixProperty = "ShapeFix";

    /// <summary>A signal returning nothing: it returns <c>Task</c> instead.</summary>
    public const string SignalReturnsTask = "SignalReturnsTask";

    /// <summary>A query returning a task: it returns the task's value instead.</summary>
    public const string QueryReturnsValue = "QueryReturnsValue";

    private const string Workflows = "Temporalio.Workflows.";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => WorkflowShapeDiagnostics.All;

    public override void Initialize(AnalysisContext context)
    {
        // Generated workflows are checked too: a generator's mistake must not wait for a worker to start.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var known = new ShapeSymbols(start.Compilation);
            if (known.Workflow is null)
            {
                return;
            }

            start.RegisterSymbolAction(symbol => Analyze(symbol, known), SymbolKind.NamedType);
            start.RegisterOperationAction(loop => EndlessLoops.Analyze(loop, known), OperationKind.Loop);
        });
    }

    private static void Analyze(SymbolAnalysisContext context, ShapeSymbols known)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (Attribute(type, known.Workflow) is not { } workflow || IsDynamic(workflow) || type.IsAbstract)
        {
            return;
        }

        CheckRun(context, type, known);
        foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
        {
            CheckHandler(context, method, known);
        }

        foreach (var property in type.GetMembers().OfType<IPropertySymbol>())
        {
            if (Attribute(property, known.Query) is { } query && !IsDynamic(query))
            {
                Report(context, property, "WorkflowQuery property", property.GetMethod is not { DeclaredAccessibility: Accessibility.Public } ? "must have a public getter" : property.IsStatic ? "must not be static" : null);
            }
        }
    }

    private static void CheckRun(SymbolAnalysisContext context, INamedTypeSymbol type, ShapeSymbols known)
    {
        var runs = type.GetMembers().OfType<IMethodSymbol>().Where(method => Attribute(method, known.Run) is not null).ToList();
        if (runs.Count == 0)
        {
            if (!type.GetBaseTypes().Any(baseType => baseType.GetMembers().OfType<IMethodSymbol>().Any(method => Attribute(method, known.Run) is not null)))
            {
                context.ReportDiagnostic(Diagnostic.Create(WorkflowShapeDiagnostics.RunMethod, type.Locations[0], type.Name, "has no [WorkflowRun] method"));
            }
            else
            {
                context.ReportDiagnostic(Diagnostic.Create(WorkflowShapeDiagnostics.RunMethod, type.Locations[0], type.Name, "inherits its [WorkflowRun] method; the run method must be declared on the workflow class itself (override it and mark the override)"));
            }

            return;
        }

        foreach (var extra in runs.Skip(1))
        {
            context.ReportDiagnostic(Diagnostic.Create(WorkflowShapeDiagnostics.RunMethod, extra.Locations[0], type.Name, $"has [WorkflowRun] on both '{runs[0].Name}' and '{extra.Name}'; keep one"));
        }

        var run = runs[0];
        CheckTokens(context, run, "Run method", known);
        var problem = run.DeclaredAccessibility != Accessibility.Public ? $"has a [WorkflowRun] method '{run.Name}' that is not public"
            : run.IsStatic ? $"has a static [WorkflowRun] method '{run.Name}'"
            : run.IsGenericMethod ? $"has a generic [WorkflowRun] method '{run.Name}'"
            : !ReturnsTask(run.ReturnType, known) ? $"has a [WorkflowRun] method '{run.Name}' returning {run.ReturnType.ToDisplayString()}; it must return Task or Task<T>"
            : InitMismatch(type, run, known);
        if (problem is not null)
        {
            context.ReportDiagnostic(Diagnostic.Create(WorkflowShapeDiagnostics.RunMethod, run.Locations[0], type.Name, problem));
        }
    }

    private static string? InitMismatch(INamedTypeSymbol type, IMethodSymbol run, ShapeSymbols known)
    {
        var init = type.InstanceConstructors.FirstOrDefault(constructor => Attribute(constructor, known.Init) is not null);
        if (init is null || init.Parameters.Select(static parameter => parameter.Type).SequenceEqual(run.Parameters.Select(static parameter => parameter.Type), SymbolEqualityComparer.Default))
        {
            return init is { DeclaredAccessibility: not Accessibility.Public } ? "has a [WorkflowInit] constructor that is not public" : null;
        }

        return $"has a [WorkflowInit] constructor taking ({Types(init)}) while '{run.Name}' takes ({Types(run)}); they must take the same parameter types";
    }

    private static void CheckHandler(SymbolAnalysisContext context, IMethodSymbol method, ShapeSymbols known)
    {
        if (Attribute(method, known.Signal) is { } signal && !IsDynamic(signal))
        {
            CheckTokens(context, method, "Signal", known);
            Report(
                context,
                method,
                "WorkflowSignal method",
                Common(method) ?? (SymbolEqualityComparer.Default.Equals(method.ReturnType, known.Task) ? null : $"returns {method.ReturnType.ToDisplayString()}; a signal returns exactly Task"),
                method.ReturnsVoid ? SignalReturnsTask : null);
        }
        else if (Attribute(method, known.Query) is { } query && !IsDynamic(query))
        {
            CheckTokens(context, method, "Query", known);
            var returnsTask = IsTask(method.ReturnType, known);
            Report(
                context,
                method,
                "WorkflowQuery method",
                Common(method)
                    ?? (method.ReturnsVoid ? "returns nothing; a query returns a value"
                    : returnsTask ? "returns a task; a query answers at once, with a value that is not a task"
                    : null),
                returnsTask && method.ReturnType is INamedTypeSymbol { IsGenericType: true } ? QueryReturnsValue : null);
        }
        else if (Attribute(method, known.Update) is { } update && !IsDynamic(update))
        {
            CheckTokens(context, method, "Update", known);
            Report(context, method, "WorkflowUpdate method", Common(method) ?? (ReturnsTask(method.ReturnType, known) ? null : $"returns {method.ReturnType.ToDisplayString()}; an update returns Task or Task<T>"));
        }
        else if (Attribute(method, known.UpdateValidator) is not null)
        {
            Report(context, method, "WorkflowUpdateValidator method", Common(method));
        }
    }

    private static string? Common(IMethodSymbol method) =>
        method.DeclaredAccessibility != Accessibility.Public ? "is not public"
        : method.IsStatic ? "is static"
        : method.IsGenericMethod ? "is generic"
        : null;

    private static void Report(SymbolAnalysisContext context, ISymbol member, string kind, string? problem, string? fix = null)
    {
        if (problem is not null)
        {
            var properties = fix is null ? null : ImmutableDictionary<string, string?>.Empty.Add(FixProperty, fix);
            context.ReportDiagnostic(Diagnostic.Create(WorkflowShapeDiagnostics.Handler, member.Locations[0], properties, kind, member.Name, problem));
        }
    }

    /// <summary>
    /// The SDK fills every parameter of a run method or handler from the caller's payloads: a token is
    /// either missing (the call fails) or, with a default, <c>CancellationToken.None</c>, which never cancels.
    /// </summary>
    private static void CheckTokens(SymbolAnalysisContext context, IMethodSymbol method, string kind, ShapeSymbols known)
    {
        foreach (var parameter in method.Parameters)
        {
            if (known.CancellationToken is not null && SymbolEqualityComparer.Default.Equals(parameter.Type, known.CancellationToken))
            {
                context.ReportDiagnostic(Diagnostic.Create(WorkflowShapeDiagnostics.CancellationTokenParameter, parameter.Locations[0], kind, method.Name, parameter.Name));
            }
        }
    }

    private static bool ReturnsTask(ITypeSymbol type, ShapeSymbols known) => IsTask(type, known);

    private static bool IsTask(ITypeSymbol type, ShapeSymbols known) =>
        SymbolEqualityComparer.Default.Equals(type, known.Task) || type.GetBaseTypes().Any(baseType => SymbolEqualityComparer.Default.Equals(baseType, known.Task));

    private static string Types(IMethodSymbol method) => string.Join(", ", method.Parameters.Select(static parameter => parameter.Type.ToDisplayString()));

    internal static AttributeData? Attribute(ISymbol symbol, INamedTypeSymbol? attribute) =>
        attribute is null ? null : symbol.GetAttributes().FirstOrDefault(data => SymbolEqualityComparer.Default.Equals(data.AttributeClass, attribute));

    private static bool IsDynamic(AttributeData attribute) =>
        attribute.NamedArguments.Any(static argument => argument.Key == "Dynamic" && argument.Value.Value is true);

    /// <summary>The SDK's attributes and task types, resolved once per compilation.</summary>
    internal sealed class ShapeSymbols
    {
        public ShapeSymbols(Compilation compilation)
        {
            Workflow = compilation.GetTypeByMetadataName(Workflows + "WorkflowAttribute");
            Run = compilation.GetTypeByMetadataName(Workflows + "WorkflowRunAttribute");
            Init = compilation.GetTypeByMetadataName(Workflows + "WorkflowInitAttribute");
            Signal = compilation.GetTypeByMetadataName(Workflows + "WorkflowSignalAttribute");
            Query = compilation.GetTypeByMetadataName(Workflows + "WorkflowQueryAttribute");
            Update = compilation.GetTypeByMetadataName(Workflows + "WorkflowUpdateAttribute");
            UpdateValidator = compilation.GetTypeByMetadataName(Workflows + "WorkflowUpdateValidatorAttribute");
            Task = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
            CancellationToken = compilation.GetTypeByMetadataName("System.Threading.CancellationToken");
        }

        public INamedTypeSymbol? Workflow { get; }

        public INamedTypeSymbol? Run { get; }

        public INamedTypeSymbol? Init { get; }

        public INamedTypeSymbol? Signal { get; }

        public INamedTypeSymbol? Query { get; }

        public INamedTypeSymbol? Update { get; }

        public INamedTypeSymbol? UpdateValidator { get; }

        public INamedTypeSymbol? Task { get; }

        public INamedTypeSymbol? CancellationToken { get; }
    }
}

/// <summary>Walks a type's base types.</summary>
internal static class BaseTypes
{
    public static IEnumerable<INamedTypeSymbol> GetBaseTypes(this ITypeSymbol type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            yield return current;
        }
    }
}
