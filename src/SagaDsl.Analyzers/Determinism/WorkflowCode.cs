using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SagaDsl.Analyzers.Determinism;

/// <summary>
/// Decides what is workflow code: every member of a class marked <c>[Workflow]</c> that runs in
/// the workflow (run, signal, query and update handlers, validators, the init constructor, instance
/// initializers and helpers), except <c>[Activity]</c> methods and static initializers. A static method
/// of the class is workflow code only when the class's instance code calls it: a static helper that
/// builds the client's start options never runs in the workflow.
/// </summary>
internal sealed class WorkflowCode
{
    private readonly KnownSymbols known;
    private readonly SourceOperations sources;
    private readonly ConcurrentDictionary<INamedTypeSymbol, bool> workflowTypes = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<INamedTypeSymbol, HashSet<IMethodSymbol>> staticHelpers = new(SymbolEqualityComparer.Default);

    public WorkflowCode(KnownSymbols known, SourceOperations sources)
    {
        this.known = known;
        this.sources = sources;
    }

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
            IMethodSymbol { IsStatic: true } method => !KnownSymbols.HasAttribute(method, known.Activity) && StaticHelpersOf(method.ContainingType).Contains(method.OriginalDefinition),
            IMethodSymbol method => !KnownSymbols.HasAttribute(method, known.Activity),
            IFieldSymbol field => !field.IsStatic,
            IPropertySymbol property => !property.IsStatic,
            _ => false,
        };
    }

    /// <summary>Whether a called member is itself analyzed as workflow code, so its uses are reported where they are.</summary>
    public bool IsAnalyzedDirectly(IMethodSymbol method) => Runs(method);

    /// <summary>The static methods of a workflow class its instance code calls, directly or through one another.</summary>
    private HashSet<IMethodSymbol> StaticHelpersOf(INamedTypeSymbol type) =>
        staticHelpers.GetOrAdd(type.OriginalDefinition, workflow =>
        {
            var reached = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
            var pending = new Stack<ISymbol>(workflow.GetMembers().Where(static member => !member.IsStatic));
            while (pending.Count > 0)
            {
                foreach (var body in Bodies(pending.Pop()))
                {
                    foreach (var called in body.DescendantsAndSelf().Select(OperationScanner.Target).OfType<IMethodSymbol>())
                    {
                        if (called.IsStatic && SymbolEqualityComparer.Default.Equals(called.ContainingType.OriginalDefinition, workflow) && reached.Add(called.OriginalDefinition))
                        {
                            pending.Push(called.OriginalDefinition);
                        }
                    }
                }
            }

            return reached;
        });

    private IEnumerable<IOperation> Bodies(ISymbol member)
    {
        var symbols = member is IPropertySymbol property ? new ISymbol?[] { property, property.GetMethod, property.SetMethod } : new ISymbol?[] { member };
        foreach (var reference in symbols.OfType<ISymbol>().SelectMany(static symbol => symbol.DeclaringSyntaxReferences))
        {
            if (sources.Of(reference, CancellationToken.None) is { } body)
            {
                yield return body;
            }
        }
    }
}
