using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace SagaDsl.Analyzers.Determinism;

/// <summary>
/// What a delegate held in a field or property of the compilation may be when workflow code calls it:
/// the member's initializer and every value its type assigns to it (a lambda, a method group). Only the
/// declaring type is searched, which is where a private or readonly member can be set.
/// </summary>
internal sealed class DelegateValues
{
    private readonly SourceOperations sources;

    public DelegateValues(SourceOperations sources) => this.sources = sources;

    /// <summary>The field or property holding the delegate a call invokes, when the compilation declares it.</summary>
    public static ISymbol? HolderOf(IOperation operation)
    {
        if (operation is not IInvocationOperation { TargetMethod.MethodKind: MethodKind.DelegateInvoke, Instance: { } instance })
        {
            return null;
        }

        while (instance is IConversionOperation conversion)
        {
            instance = conversion.Operand;
        }

        ISymbol? holder = instance switch
        {
            IFieldReferenceOperation field => field.Field,
            IPropertyReferenceOperation { Property.IsIndexer: false } property => property.Property,
            _ => null,
        };
        return holder is not null && !holder.DeclaringSyntaxReferences.IsEmpty ? holder.OriginalDefinition : null;
    }

    /// <summary>The operations that produce the values <paramref name="holder"/> is given.</summary>
    public IEnumerable<IOperation> Of(ISymbol holder, CancellationToken cancellationToken)
    {
        foreach (var value in sources.InitializersOf(holder, cancellationToken))
        {
            yield return value;
        }

        foreach (var type in holder.ContainingType.DeclaringSyntaxReferences)
        {
            // The name filters the syntax first, so only assignments that may set the holder are bound.
            var assignments = type.GetSyntax(cancellationToken).DescendantNodes().OfType<AssignmentExpressionSyntax>()
                .Where(assignment => NameOf(assignment.Left) == holder.Name);
            foreach (var assignment in assignments)
            {
                if (sources.Of(assignment, cancellationToken) is IAssignmentOperation { Target: var target, Value: var value } && SymbolEqualityComparer.Default.Equals(Assigned(target), holder))
                {
                    yield return value;
                }
            }
        }
    }

    private static ISymbol? Assigned(IOperation target) => target switch
    {
        IFieldReferenceOperation field => field.Field.OriginalDefinition,
        IPropertyReferenceOperation property => property.Property.OriginalDefinition,
        _ => null,
    };

    private static string? NameOf(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax name => name.Identifier.ValueText,
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        _ => null,
    };
}
