using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SagaDsl.Analyzers.Diagnostics;

namespace SagaDsl.Analyzers.Determinism;

/// <summary>
/// Reports code that breaks deterministic replay inside Temporal workflows: directly where it is,
/// and at the call in the workflow when it hides in a helper of this compilation, with the chain and,
/// as an additional location, the line in the helper where the use is.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class WorkflowDeterminismAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The diagnostic property that names the code fix of a direct use.</summary>
    public const string FixProperty = "SagaFix";

    private static readonly OperationKind[] Watched =
    {
        OperationKind.Invocation,
        OperationKind.PropertyReference,
        OperationKind.ObjectCreation,
        OperationKind.FieldReference,
        OperationKind.AnonymousFunction,
        OperationKind.MethodReference,
        OperationKind.Loop,
    };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => DeterminismDiagnostics.All;

    public override void Initialize(AnalysisContext context)
    {
        // Generated workflows (SagaDsl's own included) must obey the same rules as hand-written ones.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var known = KnownSymbols.From(start.Compilation);
            if (known.Workflow is null)
            {
                return;
            }

            var scanner = new OperationScanner(known);
            var sources = new SourceOperations(start.Compilation);
            var workflowCode = new WorkflowCode(known, sources);
            var graph = new CallGraph(start.Compilation, sources, scanner, workflowCode);
            var bodies = new WorkflowBodies(workflowCode);

            // Calls into helpers are followed once a file is complete. In a build the compiler has then
            // bound every method body and kept the bound trees for analyzers; followed any sooner, a
            // helper the compiler has yet to reach is bound twice, which was two thirds of this
            // analyzer's time in a profiled build.
            start.RegisterSemanticModelAction(model => ReportHelperUses(model, bodies, scanner, graph));

            // Operation blocks are asked for inside workflow classes only: registering them for the
            // whole compilation would build the operation tree of every method body there is.
            start.RegisterSymbolStartAction(
                type =>
                {
                    if (!workflowCode.IsWorkflowType((INamedTypeSymbol)type.Symbol))
                    {
                        return;
                    }

                    type.RegisterOperationBlockStartAction(block =>
                    {
                        if (!workflowCode.Runs(block.OwningSymbol))
                        {
                            return;
                        }

                        if (block.OwningSymbol is IMethodSymbol { IsAsync: true, ReturnsVoid: true } method)
                        {
                            block.RegisterOperationBlockEndAction(end => end.ReportDiagnostic(Diagnostic.Create(
                                DeterminismDiagnostics.AsyncVoid, method.Locations[0], OperationScanner.Display(method), "return Task")));
                        }

                        block.RegisterOperationAction(operation => Analyze(operation, scanner), Watched);
                    });
                },
                SymbolKind.NamedType);
        });
    }

    private static void Analyze(OperationAnalysisContext context, OperationScanner scanner)
    {
        var operation = context.Operation;

        // Nearly every operation is clean: its location is made only for a finding.
        if (!scanner.IsNeverExecuted(operation) && scanner.Direct(operation) is { } finding)
        {
            context.ReportDiagnostic(Create(finding, OperationScanner.ReportedAt(operation).GetLocation()));
        }
    }

    private static void ReportHelperUses(SemanticModelAnalysisContext context, WorkflowBodies bodies, OperationScanner scanner, CallGraph graph)
    {
        var span = context.FilterSpan ?? context.SemanticModel.SyntaxTree.GetRoot(context.CancellationToken).FullSpan;
        foreach (var body in bodies.In(context.SemanticModel, span, context.CancellationToken))
        {
            foreach (var operation in scanner.Executed(body, context.CancellationToken))
            {
                // A direct use is reported by Analyze; only a call that is not one is followed.
                if (scanner.Direct(operation) is not null)
                {
                    continue;
                }

                // One report per rule and replacement a call reaches, through whichever implementation reaches it first.
                HashSet<string>? reported = null;
                foreach (var (callee, via) in graph.Targets(operation))
                {
                    foreach (var reached in graph.FindingsOf(callee, context.CancellationToken))
                    {
                        if ((reported ??= new HashSet<string>()).Add(reached.Rule.Id + " " + reached.Replacement))
                        {
                            var through = reached.Through(OperationScanner.Display(callee));
                            context.ReportDiagnostic(Create(via is null ? through : through.Through(via), operation.Syntax.GetLocation()));
                        }
                    }
                }
            }
        }
    }

    private static Diagnostic Create(Finding finding, Location location)
    {
        var properties = finding.Fix == DeterminismFix.None
            ? ImmutableDictionary<string, string?>.Empty
            : ImmutableDictionary<string, string?>.Empty.Add(FixProperty, finding.Fix.ToString());
        var site = finding.Site is { } found ? new[] { found } : null;
        return Diagnostic.Create(finding.Rule, location, site, properties, finding.DescribeChain(), finding.Replacement);
    }
}
