using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SagaDsl.Analyzers.Diagnostics;

namespace SagaDsl.Analyzers.Determinism;

/// <summary>
/// Enumerating a collection whose order follows its items' hash codes: another worker process sees
/// another order, so commands issued in that order differ on replay.
/// </summary>
internal sealed partial class OperationScanner
{
    /// <summary>LINQ methods whose answer does not depend on the order they read the items in.</summary>
    private static readonly ImmutableHashSet<string> OrderFree = ImmutableHashSet.Create(
        "Count", "LongCount", "Any", "All", "Contains", "Sum", "Min", "Max", "Average", "ToHashSet", "OrderBy", "OrderByDescending", "Order", "OrderDescending");

    /// <summary>The syntax a finding of <paramref name="operation"/> is reported at: a loop's collection, not the whole loop.</summary>
    public static SyntaxNode ReportedAt(IOperation operation) =>
        operation is IForEachLoopOperation loop ? loop.Collection.Syntax : operation.Syntax;

    private Finding? HashOrderedLoop(IForEachLoopOperation loop) => HashOrderedSource(loop.Collection, "foreach over ");

    private Finding? HashOrderedQuery(IInvocationOperation invocation) =>
        invocation.Arguments.IsEmpty
        || !SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, known.Enumerable)
        || OrderFree.Contains(invocation.TargetMethod.Name)
            ? null
            : HashOrderedSource(invocation.Arguments[0].Value, invocation.TargetMethod.Name + " over ");

    /// <summary>The finding for enumerating <paramref name="source"/>, or one of its Keys or Values, when it is hash-ordered.</summary>
    private Finding? HashOrderedSource(IOperation source, string how)
    {
        while (source is IConversionOperation conversion)
        {
            source = conversion.Operand;
        }

        if (source is IPropertyReferenceOperation { Property.Name: "Keys" or "Values", Instance: { } owner })
        {
            source = owner;
        }

        return source.Type is INamedTypeSymbol type && known.HashOrdered.Contains(type.OriginalDefinition)
            ? new Finding(DeterminismDiagnostics.Randomness, ImmutableArray.Create(how + type.Name), ForbiddenApiCatalog.OwnOrder, DeterminismFix.None)
            : null;
    }
}
