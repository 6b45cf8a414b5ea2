using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using SagaDsl.Generator.Model;

namespace SagaDsl.Generator;

internal sealed partial class SagaParser
{
    // What the parse saw of a saga before it stopped, for the stand-ins of a saga in error.
    private readonly HashSet<string> takenSiblings = new(System.StringComparer.Ordinal);
    private List<DeclaredStep> declaredSteps = new();
    private readonly List<IMethodSymbol> compensationMethods = new();
    private ITypeSymbol? inferredInput;
    private string surfaceWorkflowType = string.Empty;
    private string surfaceTaskQueue = string.Empty;

    // An error in the user's own C# that the compiler already reports (a type it cannot resolve, an
    // instance member of a static class): the saga gets stand-ins, never code that repeats the error.
    private bool hasUserErrors;

    // Even stand-ins name Temporalio and System from global::; where a root type hides one, nothing is written.
    private bool rootNamespaceTaken;

    // A saga file that does not parse (half typed, a name missing) has the compiler's syntax errors to
    // show; anything written from it, stand-ins included, would repeat them or add its own.
    private bool sourceDoesNotParse;

    private bool HasSyntaxErrors(SyntaxTree tree) =>
        tree.GetRoot(cancellationToken).ContainsDiagnostics
        && tree.GetDiagnostics(cancellationToken).Any(static diagnostic => diagnostic.Severity == DiagnosticSeverity.Error);

    private static bool IsUnresolved(ITypeSymbol type) => type switch
    {
        { TypeKind: TypeKind.Error } => true,
        IArrayTypeSymbol array => IsUnresolved(array.ElementType),
        IPointerTypeSymbol pointer => IsUnresolved(pointer.PointedAtType),
        INamedTypeSymbol named => named.TypeArguments.Any(IsUnresolved),
        _ => false,
    };

    private SagaSurface Surface()
    {
        var results = new List<SurfaceResult>();
        var names = new HashSet<string>(System.StringComparer.Ordinal) { saga.Name + GeneratedNames.ResultSuffix };
        foreach (var step in declaredSteps)
        {
            // Only properties that compile: one per name, of a type that resolves, named unlike the
            // members the result declares or inherits.
            if (step.Result is { } result && !IsUnresolved(result)
                && !GeneratedNames.ResultMembers.Contains(step.Method.Name) && !GeneratedNames.ObjectMembers.Contains(step.Method.Name)
                && names.Add(step.Method.Name))
            {
                var type = TypeNames.Of(result);
                results.Add(new SurfaceResult(Identifiers.Escape(step.Method.Name), step.IsCritical || type.EndsWith("?", System.StringComparison.Ordinal) ? type : type + "?"));
            }
        }

        return new SagaSurface(
            saga.ContainingNamespace.IsGlobalNamespace ? string.Empty : saga.ContainingNamespace.ToDisplayString(),
            saga.Name,
            GeneratedAccessibility(),
            surfaceWorkflowType.Length == 0 ? saga.Name : surfaceWorkflowType,
            surfaceTaskQueue.Length == 0 ? saga.Name : surfaceTaskQueue,
            NameableSagaType(),
            inferredInput is { } input && !IsUnresolved(input) && IsNameable(input) ? TypeNames.Of(input) : null,
            results.ToEquatableArray(),
            GeneratedNames.SiblingTypes.Select(static sibling => sibling.Suffix).Where(suffix => !takenSiblings.Contains(suffix)).ToEquatableArray());
    }

    /// <summary>
    /// Generated types are public only when every type their public members name is: a public saga
    /// with internal records (what CA1515 asks for) gets internal generated types, not CS0051.
    /// </summary>
    private string GeneratedAccessibility() =>
        IsPublicType(saga)
            && (inferredInput is null || IsPublicType(inferredInput))
            && declaredSteps.All(static step => step.Result is null || IsPublicType(step.Result))
            && compensationMethods.All(static method => IsPublicType(method.ReturnType))
                ? "public"
                : "internal";

    /// <summary>The saga's type as a generated signature may name it: not generic or static, and visible from its namespace.</summary>
    private string? NameableSagaType() =>
        saga.IsStatic || !IsNameable(saga) ? null : TypeNames.Of(saga);

    /// <summary>Whether namespace-level code of this assembly can name the type: no private or generic type on the way to it.</summary>
    private static bool IsNameable(ITypeSymbol type) => type switch
    {
        IArrayTypeSymbol array => IsNameable(array.ElementType),
        INamedTypeSymbol named => Chain(named).All(static current => current.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal)
            && Chain(named).Skip(1).All(static outer => !outer.IsGenericType)
            && !named.IsUnboundGenericType
            && named.TypeArguments.All(IsNameable)
            && !(named.IsGenericType && named.TypeArguments.Any(static argument => argument is ITypeParameterSymbol)),
        _ => type is not ITypeParameterSymbol,
    };

    /// <summary>Whether code of any assembly can name the type: it and every type in it public.</summary>
    private static bool IsPublicType(ITypeSymbol type) => type switch
    {
        IArrayTypeSymbol array => IsPublicType(array.ElementType),
        IPointerTypeSymbol pointer => IsPublicType(pointer.PointedAtType),
        // A type that does not resolve is the user's error to fix; it decides nothing here.
        { TypeKind: TypeKind.Error } => true,
        INamedTypeSymbol named => Chain(named).All(static current => current.DeclaredAccessibility == Accessibility.Public) && named.TypeArguments.All(IsPublicType),
        _ => true,
    };

    private static IEnumerable<INamedTypeSymbol> Chain(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            yield return current;
        }
    }
}
