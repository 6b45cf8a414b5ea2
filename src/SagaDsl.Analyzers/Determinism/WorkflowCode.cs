using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;

namespace SagaDsl.Analyzers.Determinism;

/// <summary>
/// Decides what is workflow code: every member of a class marked <c>[Workflow]</c> that runs in
/// the workflow (run, signal, query and update handlers, validators, the init constructor, instance
/// initializers and helpers), except <c>[Activity]</c> methods and static initializers.
/// </summary>
internal sealed class WorkflowCode
{
    private readonly KnownSymbols known;
    private readonly ConcurrentDictionary<INamedTypeSymbol, bool> workflowTypes = new(SymbolEqualityComparer.Default);

    public WorkflowCode(KnownSymbols known) => this.known = known;

    public bool IsWorkflowType(INamedTypeSymbol? type) =>
        type is not null && workflowTypes.GetOrAdd(type, candidate => KnownSymbols.HasAttribute(candidate.OriginalDefinition, known.Workflow));

    /// <summary>Whether the code owned by this symbol (a method, or an initialized field or property) runs in a workflow.</summary>
    public bool Runs(ISymbol owner)
    {
        if (!IsWorkflowType(owner.ContainingType) || KnownSymbols.IsMarkedSafe(owner))
        {
            return false;
        }

        return owner switch
        {
            IMethodSymbol { MethodKind: MethodKind.StaticConstructor } => false,
            IMethodSymbol method => !KnownSymbols.HasAttribute(method, known.Activity),
            IFieldSymbol field => !field.IsStatic,
            IPropertySymbol property => !property.IsStatic,
            _ => false,
        };
    }

    /// <summary>Whether a called member is itself analyzed as workflow code, so its uses are reported where they are.</summary>
    public bool IsAnalyzedDirectly(IMethodSymbol method) => Runs(method);
}
