using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
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
    private readonly OperationScanner scanner;
    private readonly WorkflowCode workflowCode;
    private readonly ConcurrentDictionary<IMethodSymbol, ImmutableArray<Finding>> cache = new(SymbolEqualityComparer.Default);

    public CallGraph(Compilation compilation, OperationScanner scanner, WorkflowCode workflowCode)
    {
        this.compilation = compilation;
        this.scanner = scanner;
        this.workflowCode = workflowCode;
    }

    /// <summary>Whether calls to this method are followed at all.</summary>
    public bool Follows(IMethodSymbol method) => !workflowCode.IsAnalyzedDirectly(method) && !KnownSymbols.IsMarkedSafe(method);

    /// <summary>The forbidden uses reached by calling <paramref name="method"/>, the first per rule.</summary>
    public ImmutableArray<Finding> FindingsOf(IMethodSymbol method, CancellationToken cancellationToken)
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
        private readonly Dictionary<IMethodSymbol, ImmutableArray<Finding>> memo = new(SymbolEqualityComparer.Default);
        private readonly HashSet<IMethodSymbol> inProgress = new(SymbolEqualityComparer.Default);
        private int openCycles;

        public Walk(CallGraph graph, CancellationToken cancellationToken)
        {
            this.graph = graph;
            this.cancellationToken = cancellationToken;
        }

        public ImmutableArray<Finding> Visit(IMethodSymbol method, int depth)
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

            inProgress.Remove(method);
            var result = found is null
                ? ImmutableArray<Finding>.Empty
                : found.Values.OrderBy(static finding => finding.Rule.Id, System.StringComparer.Ordinal).ToImmutableArray();
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
                    Keep(ref found, finding);
                }
                else if (OperationScanner.Callee(operation) is { } callee && graph.Follows(callee))
                {
                    foreach (var reached in Visit(callee, depth + 1))
                    {
                        Keep(ref found, reached.Through(OperationScanner.Display(callee)));
                    }
                }
            }
        }

        private static void Keep(ref Dictionary<string, Finding>? found, Finding finding)
        {
            found ??= new Dictionary<string, Finding>();
            if (!found.ContainsKey(finding.Rule.Id))
            {
                found.Add(finding.Rule.Id, finding);
            }
        }
    }

    [SuppressMessage("MicrosoftCodeAnalysisCorrectness", "RS1030:Do not invoke Compilation.GetSemanticModel() method within a diagnostic analyzer", Justification = "Following calls into other files needs their semantic models; the analyzer driver hands out its cached models here.")]
    private IEnumerable<IOperation> Bodies(IMethodSymbol method, CancellationToken cancellationToken)
    {
        // A partial method is called by its declaration; its body is in the implementation.
        foreach (var reference in (method.PartialImplementationPart ?? method).DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax(cancellationToken);
            if (!compilation.ContainsSyntaxTree(syntax.SyntaxTree))
            {
                continue;
            }

            var model = compilation.GetSemanticModel(syntax.SyntaxTree);
            if (model.GetOperation(syntax, cancellationToken) is { } body)
            {
                yield return body;
            }
        }
    }
}
