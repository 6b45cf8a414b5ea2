using Microsoft.CodeAnalysis;

namespace SagaDsl.Analyzers.Determinism;

/// <summary>The code fix that can replace a forbidden use, if any; the fixer reads it from the diagnostic.</summary>
internal enum DeterminismFix
{
    None,
    UtcNow,
    UtcToday,
    NewGuid,
    WorkflowRandom,
    DelayAsync,
    RunTaskAsync,
    WhenAllAsync,
    WhenAnyAsync,
    DropConfigureAwait,

    /// <summary>The receiver of a log call becomes <c>Workflow.Logger</c>.</summary>
    WorkflowLogger,
}

/// <summary>Which uses of a member an entry applies to, beyond its name.</summary>
internal enum UseCondition
{
    Always,
    NoArguments,
    WithArguments,
    FirstArgumentIsFalse,
    FirstParameterIsString,
    HasTimeoutParameter,
    TakesTaskFactory,

    /// <summary>A <c>TaskScheduler</c> argument other than <c>TaskScheduler.Current</c>, the workflow's own.</summary>
    TakesAnotherScheduler,

    /// <summary><c>ConfigureAwaitOptions</c> without <c>ContinueOnCapturedContext</c>: the continuation leaves the workflow scheduler.</summary>
    OptionsLeaveTheContext,
}

/// <summary>One forbidden member (or every member, <c>*</c>; constructors are <c>.ctor</c>) of a type.</summary>
internal sealed class ForbiddenApi
{
    public const string AnyMember = "*";
    public const string Constructor = ".ctor";

    public ForbiddenApi(string member, DiagnosticDescriptor rule, string replacement, DeterminismFix fix = DeterminismFix.None, UseCondition condition = UseCondition.Always)
    {
        Member = member;
        Rule = rule;
        Replacement = replacement;
        Fix = fix;
        Condition = condition;
    }

    public string Member { get; }

    public DiagnosticDescriptor Rule { get; }

    public string Replacement { get; }

    public DeterminismFix Fix { get; }

    public UseCondition Condition { get; }
}
