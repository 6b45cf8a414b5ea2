using System.Collections.Generic;
using SagaDsl.Runtime;
using SagaDsl.Testing.Replay;
using Temporalio.Common;

namespace SagaDsl.Testing.Scenarios;

/// <summary>
/// What a correct saga does in a scenario: the history it produces and what it ends with, down to the
/// phase its phase search attribute (when it keeps one) holds when the history ends.
/// </summary>
internal sealed record ExpectedRun(
    string WorkflowId,
    WorkflowHistory History,
    IReadOnlyList<ExpectedCall> Calls,
    SagaOutcome Outcome,
    IReadOnlyList<StepFailure> NonCriticalFailures,
    IReadOnlyList<StepFailure> CompensationFailures,
    IReadOnlyList<StepFailure> Owed,
    IReadOnlyList<string> CompensatedSteps,
    IReadOnlyList<StepFailure> WaitingForOperator,
    string? PhaseSearchAttribute,
    SagaPhase PublishedPhase);

/// <summary>One activity a correct saga schedules, and in which of its workflow tasks.</summary>
internal sealed record ExpectedCall(
    SagaCallKind Kind,
    string Step,
    string Activity,
    string TaskQueue,
    string IdempotencyKey,
    bool Detached,
    int WorkflowTask)
{
    public string Label => SagaCall.LabelOf(Kind, Step, Activity);
}
