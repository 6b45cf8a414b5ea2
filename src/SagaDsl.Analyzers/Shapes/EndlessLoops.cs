using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SagaDsl.Analyzers.Diagnostics;

namespace SagaDsl.Analyzers.Shapes;

/// <summary>
/// SAGA204: a loop in a workflow's run method whose condition is always true, that waits on the
/// workflow in its body and has no way out: no <c>break</c> of its own, no <c>return</c>, no
/// <c>throw</c> (continuing as new is a throw) and no call into the compilation's own code that could
/// throw. Every turn adds events, and Temporal terminates an execution whose history passes 51,200
/// events or 50 MB. A loop without a wait is left alone: it never yields, which the SDK's deadlock
/// detection reports at once.
/// </summary>
internal static class EndlessLoops
{
    public static void Analyze(OperationAnalysisContext context, WorkflowShapeAnalyzer.ShapeSymbols known)
    {
        // Every loop of the compilation comes here: the constant condition, which almost none has, is asked first.
        var loop = (ILoopOperation)context.Operation;
        if (!AlwaysTrue(loop)
            || InsideFunction(loop)
            || context.ContainingSymbol is not IMethodSymbol method
            || WorkflowShapeAnalyzer.Attribute(method, known.Run) is null
            || WorkflowShapeAnalyzer.Attribute(method.ContainingType, known.Workflow) is null)
        {
            return;
        }

        var body = loop.Body.DescendantsAndSelf().Where(operation => !InsideFunction(operation, loop)).ToList();
        if (!body.Any(static operation => operation is IAwaitOperation) || body.Any(operation => Leaves(operation, loop)))
        {
            return;
        }

        var keyword = loop.Syntax.GetFirstToken().GetLocation();
        context.ReportDiagnostic(Diagnostic.Create(WorkflowShapeDiagnostics.EndlessLoop, keyword, method.Name));
    }

    private static bool AlwaysTrue(ILoopOperation loop) => loop switch
    {
        IWhileLoopOperation { Condition: var condition } => condition?.ConstantValue is { HasValue: true, Value: true },
        IForLoopOperation { Condition: var condition } => condition is null || condition.ConstantValue is { HasValue: true, Value: true },
        _ => false,
    };

    private static bool Leaves(IOperation operation, ILoopOperation loop) => operation switch
    {
        IBranchOperation { BranchKind: BranchKind.Break } branch => SymbolEqualityComparer.Default.Equals(branch.Target, loop.ExitLabel),
        IBranchOperation { BranchKind: BranchKind.GoTo } => true,
        IReturnOperation => true,
        IThrowOperation => true,

        // A helper of the compilation may continue as new (or fail) for the loop.
        IInvocationOperation { TargetMethod: var target } => target.DeclaringSyntaxReferences.Any(static reference =>
            reference.GetSyntax().DescendantNodes().Any(static node => node.IsKind(SyntaxKind.ThrowStatement) || node.IsKind(SyntaxKind.ThrowExpression))),
        _ => false,
    };

    /// <summary>Whether <paramref name="operation"/> sits in a lambda or local function (inside <paramref name="within"/>, when given): its jumps do not leave the loop.</summary>
    private static bool InsideFunction(IOperation operation, IOperation? within = null)
    {
        for (var current = operation.Parent; current is not null && current != within; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return true;
            }
        }

        return false;
    }
}
