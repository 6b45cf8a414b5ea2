using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SagaDsl.Analyzers.Determinism;

/// <summary>
/// The forbidden uses a method reaches through its calls, followed transitively in the methods of
/// this compilation. One per compilation: results are cached per method, so every method body is
/// walked once however many workflows call it; recursion is cut, depth is bounded.
/// </summary>
internal sealed class CallGraph
{
    private const int MaxDepth = 24;

    private readonly Compilation compilation;
    private readonly SourceOperations sources;
    private readonly OperationScanner scanner;
    private readonly WorkflowCode workflowCode;
    private readonly DelegateValues delegates;
    private readonly ConcurrentDictionary<ISymbol, ImmutableArray<Finding>> cache = new(SymbolEqualityComparer.Default);

    private readonly System.Lazy<Dictionary<IMethodSymbol, List<IMethodSymbol>>> implementations;

    public CallGraph(Compilation compilation, SourceOperations sources, OperationScanner scanner, WorkflowCode workflowCode)
    {
        this.compilation = compilation;
        this.sources = sources;
        this.scanner = scanner;
        this.workflowCode = workflowCode;
        delegates = new DelegateValues(sources);
        implementations = new(() => Implementations(compilation.Assembly.GlobalNamespace), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Every interface member and virtual member of the compilation, with the methods of the compilation that implement or override it.</summary>
    private static Dictionary<IMethodSymbol, List<IMethodSymbol>> Implementations(INamespaceSymbol root)
    {
        var index = new Dictionary<IMethodSymbol, List<IMethodSymbol>>(SymbolEqualityComparer.Default);
        void Add(IMethodSymbol contract, IMethodSymbol implementation)
        {
            if (!index.TryGetValue(contract.OriginalDefinition, out var list))
            {
                index.Add(contract.OriginalDefinition, list = new List<IMethodSymbol>());
            }

            list.Add(implementation.OriginalDefinition);
        }

        var types = new Stack<INamespaceOrTypeSymbol>();
        types.Push(root);
        while (types.Count > 0)
        {
            var current = types.Pop();
            foreach (var member in current.GetMembers())
            {
                if (member is INamespaceOrTypeSymbol nested)
                {
                    types.Push(nested);
                }
            }

            if (current is not INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } type)
            {
                continue;
            }

            foreach (var method in type.GetMembers().OfType<IMethodSymbol>().Where(static method => !method.IsAbstract && !method.DeclaringSyntaxReferences.IsEmpty))
            {
                for (var overridden = method.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
                {
                    Add(overridden, method);
                }
            }

            foreach (var contract in type.AllInterfaces.SelectMany(static contract => contract.GetMembers().OfType<IMethodSymbol>()))
            {
                if (type.FindImplementationForInterfaceMember(contract) is IMethodSymbol { IsAbstract: false } implementation && !implementation.DeclaringSyntaxReferences.IsEmpty)
                {
                    Add(contract, implementation);
                }
            }
        }

        return index;
    }

    /// <summary>Whether calls to this method are followed at all.</summary>
    public bool Follows(IMethodSymbol method) => !workflowCode.IsAnalyzedDirectly(method) && !KnownSymbols.IsMarkedSafe(method);

    /// <summary>
    /// The code of this compilation a call may run, to follow: the callee, and, for a call through an
    /// interface or a virtual member the compilation declares, each implementation it has, named after
    /// the member called (<c>IClock.Now → SystemClock.Now → DateTime.UtcNow</c>); for a call of a
    /// delegate held in a field or property of a helper, that member, whose values are followed.
    /// </summary>
    public IEnumerable<(ISymbol Callee, string? Via)> Targets(IOperation operation)
    {
        if (OperationScanner.Callee(operation) is { } callee && Follows(callee))
        {
            yield return (callee, null);
        }

        // The workflow's own members are workflow code already: their values are reported where they are.
        if (DelegateValues.HolderOf(operation) is { } holder && !workflowCode.IsWorkflowType(holder.ContainingType) && !KnownSymbols.IsMarkedSafe(holder))
        {
            yield return (holder, null);
        }

        if (OperationScanner.Target(operation) is not { } target || !Dispatches(target))
        {
            yield break;
        }

        if (implementations.Value.TryGetValue(target.OriginalDefinition, out var found))
        {
            foreach (var implementation in found.Where(Follows))
            {
                yield return (implementation, OperationScanner.Display(target));
            }
        }
    }

    // Only the compilation's own contracts are dispatched: following every override of a library member
    // (each ToString of the compilation for object.ToString) would report calls that never reach them.
    private bool Dispatches(IMethodSymbol target) =>
        (target.IsAbstract || target.IsVirtual || target.ContainingType?.TypeKind == TypeKind.Interface)
        && SymbolEqualityComparer.Default.Equals(target.ContainingAssembly, compilation.Assembly);

    /// <summary>The forbidden uses reached by calling <paramref name="method"/>, the first per rule and replacement.</summary>
    public ImmutableArray<Finding> FindingsOf(ISymbol method, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(method, out var cached))
        {
            return cached;
        }

        var walk = new Walk(this, cancellationToken);
        var result = walk.Visit(method, depth: 0);

        // The root of a walk has seen everything it reaches, recursion included.
        cache.TryAdd(method, result);
        return result;
    }

    /// <summary>One walk from one method. Results of methods inside a cycle stay in the walk's memo.</summary>
    private sealed class Walk
    {
        private readonly CallGraph graph;
        private readonly CancellationToken cancellationToken;
        private readonly Dictionary<ISymbol, ImmutableArray<Finding>> memo = new(SymbolEqualityComparer.Default);
        private readonly HashSet<ISymbol> inProgress = new(SymbolEqualityComparer.Default);
        private int openCycles;

        public Walk(CallGraph graph, CancellationToken cancellationToken)
        {
            this.graph = graph;
            this.cancellationToken = cancellationToken;
        }

        public ImmutableArray<Finding> Visit(ISymbol method, int depth)
        {
            if (graph.cache.TryGetValue(method, out var cached) || memo.TryGetValue(method, out cached))
            {
                return cached;
            }

            if (depth > MaxDepth || !inProgress.Add(method))
            {
                openCycles++;
                return ImmutableArray<Finding>.Empty;
            }

            var cyclesBefore = openCycles;
            // Most helpers reach nothing: the findings are kept in a dictionary made at the first one.
            Dictionary<string, Finding>? found = null;
            foreach (var body in graph.Bodies(method, cancellationToken))
            {
                Collect(body, depth, ref found);
            }

            if (graph.ImplicitBaseCall(method) is { } baseConstructor && graph.Follows(baseConstructor))
            {
                foreach (var reached in Visit(baseConstructor.OriginalDefinition, depth + 1))
                {
                    Keep(ref found, reached.Through(OperationScanner.Display(baseConstructor)));
                }
            }

            inProgress.Remove(method);
            var result = found is null
                ? ImmutableArray<Finding>.Empty
                : found.Values.OrderBy(static finding => finding.Rule.Id, System.StringComparer.Ordinal).ThenBy(static finding => finding.DescribeChain(), System.StringComparer.Ordinal).ToImmutableArray();
            if (openCycles == cyclesBefore)
            {
                graph.cache.TryAdd(method, result);
            }
            else
            {
                memo[method] = result;
            }

            return result;
        }

        private void Collect(IOperation body, int depth, ref Dictionary<string, Finding>? found)
        {
            foreach (var operation in graph.scanner.Executed(body, cancellationToken))
            {
                if (graph.scanner.Direct(operation) is { } finding)
                {
                    // Made only for the first use of each kind in a helper; the rest are dropped by Keep.
                    if (found is null || !found.ContainsKey(Key(finding)))
                    {
                        Keep(ref found, finding.At(OperationScanner.ReportedAt(operation).GetLocation()));
                    }

                    continue;
                }

                foreach (var (callee, via) in graph.Targets(operation))
                {
                    foreach (var reached in Visit(callee, depth + 1))
                    {
                        var through = reached.Through(OperationScanner.Display(callee));
                        Keep(ref found, via is null ? through : through.Through(via));
                    }
                }
            }
        }

        // Each rule and advice a method reaches is kept once, by the first way found to it: a helper that
        // reads DateTime.UtcNow twice is one finding, one that reads it and runs a stopwatch two, since each
        // is fixed its own way.
        private static void Keep(ref Dictionary<string, Finding>? found, Finding finding)
        {
            found ??= new Dictionary<string, Finding>();
            var key = Key(finding);
            if (!found.ContainsKey(key))
            {
                found.Add(key, finding);
            }
        }

        private static string Key(Finding finding) => finding.Rule.Id + " " + finding.Replacement;
    }

    private IEnumerable<IOperation> Bodies(ISymbol member, CancellationToken cancellationToken) =>
        member is IMethodSymbol method ? Bodies(method, cancellationToken) : delegates.Of(member, cancellationToken);

    private IEnumerable<IOperation> Bodies(IMethodSymbol method, CancellationToken cancellationToken)
    {
        // A partial method is called by its declaration; its body is in the implementation.
        foreach (var reference in (method.PartialImplementationPart ?? method).DeclaringSyntaxReferences)
        {
            if (sources.Of(reference, cancellationToken) is { } body)
            {
                yield return body;
            }
        }

        if (method is not { MethodKind: MethodKind.Constructor, IsStatic: false })
        {
            yield break;
        }

        // Creating an object runs the initializers of its instance fields and properties: a record with
        // `Guid Id { get; init; } = Guid.NewGuid()` makes a Guid wherever it is created. A base's run in its
        // constructor, which a declared constructor calls in its body and an implicit one is followed to.
        foreach (var member in method.ContainingType.GetMembers().Where(static member => !member.IsStatic && member is IFieldSymbol or IPropertySymbol))
        {
            foreach (var value in sources.InitializersOf(member, cancellationToken))
            {
                yield return value;
            }
        }
    }

    /// <summary>The base constructor an implicit constructor calls, when the compilation declares its type.</summary>
    private IMethodSymbol? ImplicitBaseCall(ISymbol method) =>
        method is IMethodSymbol { MethodKind: MethodKind.Constructor, IsImplicitlyDeclared: true, IsStatic: false }
        && method.ContainingType.BaseType is { } baseType
        && SymbolEqualityComparer.Default.Equals(baseType.ContainingAssembly, compilation.Assembly)
            ? baseType.InstanceConstructors.FirstOrDefault(static constructor => constructor.Parameters.IsEmpty)
            : null;
}
