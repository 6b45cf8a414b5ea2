using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SagaDsl.Analyzers.Diagnostics;

namespace SagaDsl.Analyzers.Determinism;

/// <summary>
/// Looks at one operation: is it a forbidden use, or a call into code that must be followed? Only
/// symbol comparisons and dictionary look-ups on the hot path; strings are built for findings only.
/// </summary>
internal sealed partial class OperationScanner
{
    private const string InstanceState = "keep state in fields of the workflow instance";

    // ConfigureAwaitOptions.ContinueOnCapturedContext; the enum is .NET 8's, read by name and value.
    private const int ContinueOnCapturedContext = 1;

    private readonly KnownSymbols known;

    public OperationScanner(KnownSymbols known) => this.known = known;

    /// <summary>The forbidden use this operation is, if any.</summary>
    public Finding? Direct(IOperation operation) => operation switch
    {
        IInvocationOperation invocation => Match(invocation.TargetMethod, invocation.TargetMethod.Name, invocation.Arguments)
            ?? MatchOnReceiver(invocation.Instance?.Type, invocation.TargetMethod, invocation.Arguments)
            ?? OwnLogger(invocation)
            ?? HashOrderedQuery(invocation),
        IForEachLoopOperation loop => HashOrderedLoop(loop),
        IPropertyReferenceOperation property when IsCompletedAntecedent(property) => null,
        IPropertyReferenceOperation property => Match(property.Property, property.Property.Name, property.Arguments)
            ?? MatchOnReceiver(property.Instance?.Type, property.Property, property.Arguments)
            ?? MutableStatic(property.Property)
            ?? OwnLoggerHandedOn(property),
        IObjectCreationOperation { Constructor: { } constructor } creation => Match(constructor, ForbiddenApi.Constructor, creation.Arguments),
        IEventReferenceOperation eventReference => Match(eventReference.Event, eventReference.Event.Name, ImmutableArray<IArgumentOperation>.Empty),

        // A method group becomes a delegate that is called later (`ids = Guid.NewGuid`, `Select(Compute)`).
        IMethodReferenceOperation reference => Match(reference.Method, reference.Method.Name, ImmutableArray<IArgumentOperation>.Empty),
        IFieldReferenceOperation field => MutableStatic(field.Field) ?? OwnLoggerHandedOn(field),
        IAnonymousFunctionOperation { Symbol: { IsAsync: true, ReturnsVoid: true } } => new Finding(DeterminismDiagnostics.AsyncVoid, ImmutableArray.Create("async lambda"), "pass a Func<Task> instead", DeterminismFix.None),
        _ => null,
    };

    /// <summary>
    /// <c>Result</c> of the task a <c>ContinueWith</c> continuation receives: that task has completed when
    /// the continuation runs, so reading its result does not block.
    /// </summary>
    private static bool IsCompletedAntecedent(IPropertyReferenceOperation property)
    {
        if (property.Property.Name != "Result" || property.Instance is not IParameterReferenceOperation { Parameter: { Ordinal: 0, ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } lambda } })
        {
            return false;
        }

        for (var current = property.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation function && SymbolEqualityComparer.Default.Equals(function.Symbol, lambda))
            {
                return function.Parent?.Parent is IArgumentOperation { Parent: IInvocationOperation { TargetMethod.Name: "ContinueWith" } };
            }
        }

        return false;
    }

    /// <summary>The method in this compilation that the operation runs, to follow for indirect uses.</summary>
    public static IMethodSymbol? Callee(IOperation operation) =>
        Target(operation) is { IsAbstract: false, IsExtern: false } method && (!method.DeclaringSyntaxReferences.IsEmpty || IsImplicitConstructorOfSource(method))
            ? method.OriginalDefinition
            : null;

    // A class without a declared constructor still runs its field and property initializers when created.
    private static bool IsImplicitConstructorOfSource(IMethodSymbol method) =>
        method is { MethodKind: MethodKind.Constructor, IsImplicitlyDeclared: true } && !method.ContainingType.DeclaringSyntaxReferences.IsEmpty;

    /// <summary>The method the operation calls as written, abstract or not: where dispatch starts.</summary>
    public static IMethodSymbol? Target(IOperation operation) => operation switch
    {
        IInvocationOperation { TargetMethod.MethodKind: not MethodKind.LocalFunction } invocation => invocation.TargetMethod,
        IPropertyReferenceOperation property => IsAssignmentTarget(property) ? property.Property.SetMethod : property.Property.GetMethod,
        IObjectCreationOperation creation => creation.Constructor,
        IMethodReferenceOperation reference => reference.Method,
        _ => null,
    };

    /// <summary>
    /// Whether the operation never runs as workflow code: inside <c>nameof</c>, or inside a lambda
    /// turned into an expression tree (how Temporal names an activity or child workflow to start).
    /// </summary>
    public bool IsNeverExecuted(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is INameOfOperation)
            {
                return true;
            }

            if (IsExpressionTreeLambda(current) && !RunsArgument(current, operation))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The arguments of the call an expression-tree lambda handed to Temporal names: the SDK names the
    /// activity or workflow by the call, but compiles and runs each argument in the workflow to get its value,
    /// so <c>(Acts a) => a.Charge(id, Guid.NewGuid())</c> creates a Guid in workflow code.
    /// </summary>
    public static IEnumerable<IOperation> RunArguments(IOperation lambda) =>
        CallOfTemporalLambda(lambda) is { } call
            ? call.Arguments.Select(static argument => argument.Value).Concat(call.Instance is { } instance && instance is not IParameterReferenceOperation ? new[] { instance } : Enumerable.Empty<IOperation>())
            : Enumerable.Empty<IOperation>();

    private static bool RunsArgument(IOperation lambda, IOperation operation)
    {
        var arguments = RunArguments(lambda).ToList();
        for (var current = operation; current is not null && current != lambda; current = current.Parent)
        {
            if (arguments.Contains(current))
            {
                return true;
            }
        }

        return false;
    }

    private static IInvocationOperation? CallOfTemporalLambda(IOperation lambda)
    {
        if (lambda is not IAnonymousFunctionOperation { Body.Operations: [var statement] } function
            || function.Parent?.Parent is not IArgumentOperation { Parent: IInvocationOperation { TargetMethod.ContainingNamespace: var space } }
            || !IsTemporal(space))
        {
            return null;
        }

        var returned = statement switch
        {
            IReturnOperation { ReturnedValue: { } value } => value,
            IExpressionStatementOperation { Operation: var value } => value,
            _ => null,
        };
        while (returned is IConversionOperation conversion)
        {
            returned = conversion.Operand;
        }

        return returned as IInvocationOperation;
    }

    private static bool IsTemporal(INamespaceSymbol? space)
    {
        while (space is { ContainingNamespace.IsGlobalNamespace: false })
        {
            space = space.ContainingNamespace;
        }

        return space?.Name == "Temporalio";
    }

    /// <summary>
    /// The operations of a body that run, in source order, the body included: what sits inside
    /// <c>nameof</c> or an expression-tree lambda is left out, as it never runs, but for the arguments of
    /// the call such a lambda hands to Temporal, which the SDK runs.
    /// </summary>
    public IEnumerable<IOperation> Executed(IOperation body, CancellationToken cancellationToken)
    {
        var pending = new Stack<IOperation>();
        pending.Push(body);
        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var operation = pending.Pop();
            if (operation is INameOfOperation)
            {
                continue;
            }

            if (IsExpressionTreeLambda(operation))
            {
                foreach (var argument in RunArguments(operation).Reverse())
                {
                    pending.Push(argument);
                }

                continue;
            }

            yield return operation;
            foreach (var child in operation.ChildOperations.Reverse())
            {
                pending.Push(child);
            }
        }
    }

    /// <summary>Whether this is a lambda turned into an expression tree: data, not code that runs.</summary>
    public bool IsExpressionTreeLambda(IOperation operation) =>
        operation is IAnonymousFunctionOperation && IsExpressionTree(operation.Parent);

    /// <summary>How a member is named in messages and call chains.</summary>
    public static string Display(ISymbol member)
    {
        var type = member.ContainingType?.Name;
        return member switch
        {
            IMethodSymbol { MethodKind: MethodKind.Constructor } => "new " + type,
            IMethodSymbol { AssociatedSymbol: IPropertySymbol property } => type + "." + property.Name,
            IMethodSymbol { MethodKind: MethodKind.LocalFunction } => member.Name,
            _ => type is null ? member.Name : type + "." + member.Name,
        };
    }

    private Finding? Match(ISymbol member, string memberName, ImmutableArray<IArgumentOperation> arguments)
    {
        if (member.ContainingType?.OriginalDefinition is not { } type)
        {
            return null;
        }

        if (known.Forbidden.TryGetValue(type, out var entries) && Entry(entries, memberName, member, arguments) is { } entry)
        {
            return new Finding(entry.Rule, ImmutableArray.Create(Display(member)), entry.Replacement, entry.Fix);
        }

        // A library's override is what its provider type declares: SqlConnection.Open overrides
        // DbConnection.Open. An override of the compilation's own is followed like any of its methods: a
        // TimeProvider that returns Workflow.UtcNow reads no clock.
        var library = !SymbolEqualityComparer.Default.Equals(member.ContainingAssembly, known.Own);
        for (var overridden = library ? Overridden(member) : null; overridden?.ContainingType?.OriginalDefinition is { } baseType; overridden = Overridden(overridden))
        {
            if (known.Forbidden.TryGetValue(baseType, out var baseEntries) && Entry(baseEntries, memberName, overridden, arguments) is { } inherited)
            {
                return new Finding(inherited.Rule, ImmutableArray.Create(Display(member)), inherited.Replacement, inherited.Fix);
            }
        }

        if (known.IsOutsideWorld(type.ContainingNamespace))
        {
            return new Finding(DeterminismDiagnostics.OutsideWorld, ImmutableArray.Create(Display(member)), ForbiddenApiCatalog.ActivityReplacement, DeterminismFix.None);
        }

        return null;
    }

    private static ISymbol? Overridden(ISymbol member) => member switch
    {
        IMethodSymbol method => method.OverriddenMethod,
        IPropertySymbol property => property.OverriddenProperty,
        _ => null,
    };

    /// <summary>
    /// A member inherited from a base the catalogue does not list, used on a type it does: <c>WaitOne</c>,
    /// declared on <c>WaitHandle</c>, called on a <c>ManualResetEvent</c>. The receiver's type and its bases
    /// below the member's declaring type are looked up, and the message names the receiver's type.
    /// </summary>
    private Finding? MatchOnReceiver(ITypeSymbol? receiver, ISymbol member, ImmutableArray<IArgumentOperation> arguments)
    {
        var declaring = member.ContainingType?.OriginalDefinition;
        for (var type = receiver as INamedTypeSymbol; type is not null && !SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, declaring); type = type.BaseType)
        {
            if (known.Forbidden.TryGetValue(type.OriginalDefinition, out var entries) && Entry(entries, member.Name, member, arguments) is { } entry)
            {
                return new Finding(entry.Rule, ImmutableArray.Create(receiver!.Name + "." + member.Name), entry.Replacement, entry.Fix);
            }
        }

        return null;
    }

    private ForbiddenApi? Entry(ForbiddenApi[] entries, string memberName, ISymbol member, ImmutableArray<IArgumentOperation> arguments)
    {
        foreach (var entry in entries)
        {
            if ((entry.Member == ForbiddenApi.AnyMember || entry.Member == memberName) && Holds(entry.Condition, member, arguments))
            {
                return entry;
            }
        }

        return null;
    }

    private bool Holds(UseCondition condition, ISymbol member, ImmutableArray<IArgumentOperation> arguments)
    {
        var parameters = member is IMethodSymbol method ? method.Parameters : ImmutableArray<IParameterSymbol>.Empty;
        return condition switch
        {
            UseCondition.NoArguments => arguments.IsEmpty,
            UseCondition.WithArguments => !arguments.IsEmpty,
            UseCondition.FirstArgumentIsFalse => !arguments.IsEmpty && arguments[0].Value.ConstantValue is { HasValue: true, Value: false },
            UseCondition.FirstParameterIsString => !parameters.IsEmpty && parameters[0].Type.SpecialType == SpecialType.System_String,
            UseCondition.HasTimeoutParameter => parameters.Any(parameter => SymbolEqualityComparer.Default.Equals(parameter.Type, known.TimeSpan) || parameter.Type.Name == "TimeProvider"),
            UseCondition.TakesTaskFactory => !parameters.IsEmpty && ReturnsTask(parameters[0].Type),
            UseCondition.TakesAnotherScheduler => arguments.Any(argument => IsScheduler(argument.Parameter?.Type) && !IsCurrentScheduler(argument.Value)),
            UseCondition.OptionsLeaveTheContext => !parameters.IsEmpty && parameters[0].Type.Name == "ConfigureAwaitOptions"
                && !arguments.IsEmpty && arguments[0].Value.ConstantValue is { HasValue: true, Value: int options } && (options & ContinueOnCapturedContext) == 0,
            _ => true,
        };
    }

    private bool IsScheduler(ITypeSymbol? type) =>
        type is not null && SymbolEqualityComparer.Default.Equals(type, known.TaskScheduler);

    // In a workflow, TaskScheduler.Current is the SDK's deterministic scheduler, where work must run.
    private bool IsCurrentScheduler(IOperation value)
    {
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        return value is IPropertyReferenceOperation { Property: { Name: "Current", IsStatic: true } property }
            && SymbolEqualityComparer.Default.Equals(property.ContainingType, known.TaskScheduler);
    }

    private bool ReturnsTask(ITypeSymbol type) =>
        type is INamedTypeSymbol { TypeArguments.Length: 1 } func
        && SymbolEqualityComparer.Default.Equals(func.OriginalDefinition, known.FuncOfT)
        && (SymbolEqualityComparer.Default.Equals(func.TypeArguments[0], known.Task) || SymbolEqualityComparer.Default.Equals(func.TypeArguments[0].OriginalDefinition, known.TaskOfT));

    private static Finding? MutableStatic(IFieldSymbol field) =>
        field is { IsStatic: true, IsConst: false, IsReadOnly: false } && field.ContainingType?.TypeKind != TypeKind.Enum
            ? new Finding(DeterminismDiagnostics.MutableStatic, ImmutableArray.Create(Display(field)), InstanceState, DeterminismFix.None)
            : null;

    // A settable static auto-property is a mutable static field with a property's face.
    private static Finding? MutableStatic(IPropertySymbol property) =>
        property is { IsStatic: true, SetMethod: not null } && !property.DeclaringSyntaxReferences.IsEmpty && HasBackingField(property)
            ? new Finding(DeterminismDiagnostics.MutableStatic, ImmutableArray.Create(Display(property)), InstanceState, DeterminismFix.None)
            : null;

    private static bool HasBackingField(IPropertySymbol property) =>
        property.ContainingType.GetMembers().OfType<IFieldSymbol>().Any(field => SymbolEqualityComparer.Default.Equals(field.AssociatedSymbol, property));

    private bool IsExpressionTree(IOperation? conversion) =>
        conversion?.Type is { } type && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, known.Expression);

    private static bool IsAssignmentTarget(IOperation operation) =>
        operation.Parent is IAssignmentOperation assignment && assignment.Target == operation;
}
