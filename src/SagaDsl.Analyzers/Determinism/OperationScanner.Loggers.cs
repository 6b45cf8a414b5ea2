using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SagaDsl.Analyzers.Diagnostics;

namespace SagaDsl.Analyzers.Determinism;

/// <summary>Logging from workflow code through a logger of the workflow's own instead of <c>Workflow.Logger</c>.</summary>
internal sealed partial class OperationScanner
{
    private const string OwnLoggerReplacement = "log with Workflow.Logger, which does not log again when the workflow replays";

    /// <summary>
    /// A log call on a logger of the workflow's own (injected, or made from a factory) writes again on every
    /// replay; <c>Workflow.Logger</c> knows when the workflow replays. A logger held in a local or passed in
    /// as a parameter is left alone: it is most often <c>Workflow.Logger</c> itself.
    /// </summary>
    private Finding? OwnLogger(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (known.Logger is null)
        {
            return null;
        }

        IOperation? logger = SymbolEqualityComparer.Default.Equals(method.ContainingType, known.LoggerExtensions) && !invocation.Arguments.IsEmpty
            ? invocation.Arguments[0].Value
            : SymbolEqualityComparer.Default.Equals(method.ContainingType, known.Logger) && method.Name is "Log" or "BeginScope" ? invocation.Instance : null;
        while (logger is IConversionOperation conversion)
        {
            logger = conversion.Operand;
        }

        var name = logger switch
        {
            IFieldReferenceOperation field => field.Field.Name,
            IPropertyReferenceOperation property when !IsWorkflowLogger(property) => property.Property.Name,
            IInvocationOperation or IObjectCreationOperation => "a logger made here",
            _ => null,
        };
        // The receiver of `logger.LogX(...)` (an implicit argument) can be swapped without touching the arguments.
        var fix = method.IsExtensionMethod && invocation.Arguments[0].IsImplicit ? DeterminismFix.WorkflowLogger : DeterminismFix.None;
        return name is null ? null : new Finding(DeterminismDiagnostics.OutsideWorld, ImmutableArray.Create(name + "." + method.Name), OwnLoggerReplacement, fix);
    }

    /// <summary>
    /// A logger of the workflow's own handed to other code (a helper, a <c>[LoggerMessage]</c> method, a
    /// constructor) is logged with there, where a parameter no longer says where it came from. Handing it
    /// to the logging API itself is the log call <see cref="OwnLogger"/> reports.
    /// </summary>
    private Finding? OwnLoggerHandedOn(IMemberReferenceOperation reference)
    {
        if (known.Logger is null || !IsLogger(reference.Type) || reference is IPropertyReferenceOperation property && IsWorkflowLogger(property))
        {
            return null;
        }

        IOperation handed = reference;
        while (handed.Parent is IConversionOperation conversion)
        {
            handed = conversion;
        }

        var receiver = handed.Parent switch
        {
            IArgumentOperation { Parent: IInvocationOperation invocation } => invocation.TargetMethod,
            IArgumentOperation { Parent: IObjectCreationOperation creation } => creation.Constructor,
            _ => null,
        };
        if (receiver is null || SymbolEqualityComparer.Default.Equals(receiver.ContainingType, known.LoggerExtensions) || SymbolEqualityComparer.Default.Equals(receiver.ContainingType, known.Logger))
        {
            return null;
        }

        return new Finding(DeterminismDiagnostics.OutsideWorld, ImmutableArray.Create(reference.Member.Name + " passed to " + Display(receiver)), OwnLoggerReplacement, DeterminismFix.None);
    }

    // Most references are to values (strings, numbers, records): those are rejected before their interfaces are read.
    private bool IsLogger(ITypeSymbol? type) =>
        type is { TypeKind: TypeKind.Interface or TypeKind.Class, SpecialType: SpecialType.None }
        && (SymbolEqualityComparer.Default.Equals(type, known.Logger) || type.AllInterfaces.Any(contract => SymbolEqualityComparer.Default.Equals(contract, known.Logger)));

    private bool IsWorkflowLogger(IPropertyReferenceOperation property) =>
        property.Property.Name == "Logger" && SymbolEqualityComparer.Default.Equals(property.Property.ContainingType, known.WorkflowClass);
}
