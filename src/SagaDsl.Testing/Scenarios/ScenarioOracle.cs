using System.Collections.Generic;
using System.Linq;
using SagaDsl.Runtime;
using SagaDsl.Testing.History;
using SagaDsl.Testing.Replay;

namespace SagaDsl.Testing.Scenarios;

/// <summary>
/// The saga semantics, written down once more independently of the generator: from a scenario's
/// outcomes, the history a correct saga workflow produces. Replaying the generated workflow against
/// it is the check: any difference in the commands it sends is a nondeterminism error.
/// </summary>
internal sealed class ScenarioOracle
{
    private readonly SagaScenario scenario;
    private readonly SagaDefinition saga;
    private readonly WorkflowHistoryBuilder history;
    private readonly List<ExpectedCall> calls = new();
    private readonly List<SagaStepDefinition> undoable = new();
    private readonly List<StepFailure> nonCriticalFailures = new();
    private readonly List<StepFailure> compensationFailures = new();
    private readonly List<string> compensated = new();
    private int workflowTask;

    private ScenarioOracle(SagaScenario scenario)
    {
        this.scenario = scenario;
        saga = scenario.Definition;
        var input = saga.InputType is null ? System.Array.Empty<object?>() : new[] { scenario.Input };
        history = new WorkflowHistoryBuilder(saga.WorkflowType, scenario.WorkflowId, saga.TaskQueue, scenario.FirstExecutionRunId, input);
    }

    public static ExpectedRun Expect(SagaScenario scenario)
    {
        if (scenario.Definition.InputType is { IsValueType: false } inputType && !scenario.HasInput)
        {
            throw new System.InvalidOperationException($"Saga {scenario.Definition.Name} takes a {inputType.Name}: give the scenario one with WithInput(...).");
        }

        var oracle = new ScenarioOracle(scenario);
        var outcome = oracle.Run();
        return new ExpectedRun(oracle.history.Build(), oracle.calls, outcome, oracle.nonCriticalFailures, oracle.compensationFailures, oracle.compensated);
    }

    private SagaOutcome Run()
    {
        if (saga.SetsSearchAttributes)
        {
            history.UpsertedSearchAttributes();
        }

        foreach (var step in saga.Steps)
        {
            var key = IdempotencyKey.ForStep(scenario.WorkflowId, scenario.FirstExecutionRunId, step.Activity);
            var scheduled = Schedule(new ExpectedCall(SagaCallKind.Step, step.Name, step.Activity, step.TaskQueue, key, step.IsAfterPivot, workflowTask));
            if (step.Name == scenario.CancelledStep)
            {
                history.CancelRequested();
                workflowTask++;
                if (!step.IsAfterPivot)
                {
                    // Cancelling the step's activity resolves it at once; the compensations follow
                    // in the same workflow task.
                    history.ActivityCancelRequested(scheduled);
                    return Compensate(cancelled: true);
                }
            }

            if (Deliver(scheduled, scenario.OutcomeOf(step), step.MaximumAttempts) is not { } failure)
            {
                if (step.IsPivot)
                {
                    undoable.Clear();
                }
                else if (step.Compensation is not null && !step.IsAfterPivot)
                {
                    undoable.Add(step);
                }

                continue;
            }

            var recorded = new StepFailure(step.Name, step.Activity, failure.ErrorType, failure.Message);
            if (!step.IsCritical)
            {
                nonCriticalFailures.Add(recorded);
                continue;
            }

            if (step.IsAfterPivot)
            {
                history.EndsFailed();
                return SagaOutcome.FailedAfterPivot;
            }

            return Compensate(cancelled: false);
        }

        history.EndsCompleted(null);
        return SagaOutcome.Completed;
    }

    private SagaOutcome Compensate(bool cancelled)
    {
        var newestFirst = Enumerable.Reverse(undoable).ToList();
        var scheduled = new List<(SagaStepDefinition Step, long Event)>();
        foreach (var step in newestFirst)
        {
            var compensation = step.Compensation!;
            var key = IdempotencyKey.ForCompensation(IdempotencyKey.ForStep(scenario.WorkflowId, scenario.FirstExecutionRunId, step.Activity));
            var call = new ExpectedCall(SagaCallKind.Compensation, step.Name, compensation.Activity, compensation.TaskQueue, key, Detached: true, workflowTask);
            if (saga.ParallelCompensation)
            {
                // All compensations leave in one workflow task; their results arrive one by one.
                scheduled.Add((step, Schedule(call)));
                continue;
            }

            Undo(step, Schedule(call));
        }

        foreach (var (step, scheduledEvent) in scheduled)
        {
            Undo(step, scheduledEvent);
        }

        compensated.AddRange(newestFirst.Select(static step => step.Name));
        if (compensationFailures.Count > 0)
        {
            history.EndsFailed();
            return SagaOutcome.CompensationFailed;
        }

        if (cancelled)
        {
            history.EndsCancelled();
            return SagaOutcome.Cancelled;
        }

        history.EndsFailed();
        return SagaOutcome.Compensated;
    }

    private void Undo(SagaStepDefinition step, long scheduled)
    {
        var compensation = step.Compensation!;
        if (Deliver(scheduled, scenario.CompensationOutcomeOf(step), compensation.MaximumAttempts) is { } failure)
        {
            compensationFailures.Add(new StepFailure(step.Name, compensation.Activity, failure.ErrorType, failure.Message));
        }
    }

    private long Schedule(ExpectedCall call)
    {
        calls.Add(call);
        return history.Schedule(call.Activity, call.TaskQueue);
    }

    /// <summary>Writes how the activity ends; returns its failure as the workflow records it, or null when it completed.</summary>
    private (string ErrorType, string Message)? Deliver(long scheduled, ActivityOutcome outcome, int maximumAttempts)
    {
        workflowTask++;
        var attempts = outcome.IsRetried ? System.Math.Max(1, maximumAttempts) : 1;
        switch (outcome.Kind)
        {
            case ActivityOutcomeKind.Fails:
                history.Fail(scheduled, outcome.ErrorType!, outcome.Message!, attempts, nonRetryable: !outcome.Retryable);
                return (outcome.ErrorType!, outcome.Message!);
            case ActivityOutcomeKind.TimesOut:
                history.TimeOut(scheduled, outcome.Timeout, attempts, outcome.HeartbeatDetails ?? System.Array.Empty<object?>());
                return ("Timeout." + outcome.Timeout, $"activity {outcome.Timeout} timeout");
            default:
                history.Complete(scheduled, outcome.Result);
                return null;
        }
    }
}
