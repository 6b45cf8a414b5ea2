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
/// <remarks>
/// The rules, as docs/semantics.md states them: a compensation that needs only the key is pushed
/// before its step runs and withdrawn on a definite "no" (a non-retryable failure); one that needs
/// the step's result is pushed after the step returned it, and a step that ends uncertain (a timeout,
/// exhausted retries, a cancel with retries left) is owed instead. A cancelled critical step before
/// the pivot is awaited until it acknowledges; the pivot and the steps after it ignore cancellation.
/// An uncertain pivot or compensation runs again with its key (the scenario's outcome is its first
/// answer; the repeat completes). A compensation's definite "no", and a critical step after the pivot
/// that fails, are parked in the task of that answer; sequential compensations older than a parked
/// one wait. The saga then waits for an operator, and the scenario's history ends there.
/// </remarks>
internal sealed class ScenarioOracle
{
    private readonly SagaScenario scenario;
    private readonly SagaDefinition saga;
    private readonly WorkflowHistoryBuilder history;
    private readonly List<ExpectedCall> calls = new();
    private readonly List<SagaStepDefinition> undoable = new();
    private readonly List<StepFailure> nonCriticalFailures = new();
    private readonly List<StepFailure> waitingForOperator = new();
    private readonly List<StepFailure> owed = new();
    private readonly List<string> compensated = new();
    private int workflowTask;
    private SagaPhase phase = SagaPhase.Running;
    private SagaPhase published = SagaPhase.Running;

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
        return new ExpectedRun(scenario.WorkflowId, oracle.history.Build(), oracle.calls, outcome, oracle.nonCriticalFailures, System.Array.Empty<StepFailure>(), oracle.owed, oracle.compensated, oracle.waitingForOperator, oracle.saga.PhaseSearchAttribute, oracle.published);
    }

    private static bool UndoneByKey(SagaStepDefinition step) => step.Compensation is { UsesStepResult: false };

    private static bool ForwardOnly(SagaStepDefinition step) => step.IsPivot || step.IsAfterPivot;

    private SagaOutcome Run()
    {
        if (saga.Patch is { } patch)
        {
            // A versioned workflow checks the patch of the shape it runs before anything else.
            history.Patched(patch, saga.PatchDeprecated);
        }

        if (saga.SetsSearchAttributes)
        {
            history.UpsertedSearchAttributes();
        }

        if (saga.Deadline is { } deadline)
        {
            // The deadline's timer starts with the saga; no scenario lets it fire.
            history.RecordTimerStarted(1, deadline);
        }

        foreach (var step in saga.Steps)
        {
            if (UndoneByKey(step))
            {
                undoable.Add(step);
            }

            var scheduled = Schedule(StepCall(step));
            if (step.Name == scenario.CancelledStep)
            {
                history.CancelRequested();
                workflowTask++;
                if (!ForwardOnly(step))
                {
                    return Cancelled(step, scheduled);
                }
            }

            var outcome = scenario.OutcomeOf(step);
            if (Deliver(scheduled, outcome, step.MaximumAttempts) is not { } failure)
            {
                Completed(step);
                continue;
            }

            var uncertain = IsUncertain(outcome);
            if (step.IsPivot && uncertain)
            {
                // The pivot may have taken effect: it runs again with its key, and the repeat completes.
                Deliver(Schedule(StepCall(step)), ActivityOutcome.CompletedWithDefault(step.ResultType), step.MaximumAttempts);
                Completed(step);
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
                waitingForOperator.Add(recorded with { IdempotencyKey = StepKey(step) });
                Publish(SagaPhase.WaitingForOperator);
                return SagaOutcome.WaitingForOperator;
            }

            Settle(step, uncertain, recorded);
            return Compensate(cancelled: false);
        }

        Publish(SagaPhase.Completed);
        history.EndsCompleted(null);
        return SagaOutcome.Completed;
    }

    private ExpectedCall StepCall(SagaStepDefinition step) =>
        new(SagaCallKind.Step, step.Name, step.Activity, step.TaskQueue, StepKey(step), Detached: ForwardOnly(step), workflowTask);

    private void Completed(SagaStepDefinition step)
    {
        if (step.IsPivot)
        {
            undoable.Clear();
        }
        else if (step.Compensation is { UsesStepResult: true } && !step.IsAfterPivot)
        {
            undoable.Add(step);
        }
    }

    /// <summary>
    /// A critical step before the pivot is cancelled while it runs: a non-critical one is left
    /// behind at once (TryCancel); a critical one is awaited until it acknowledges the cancel, and
    /// with retries left it may have taken effect on an earlier attempt.
    /// </summary>
    private SagaOutcome Cancelled(SagaStepDefinition step, long scheduled)
    {
        var request = history.RecordActivityCancelRequested(scheduled);
        if (!step.IsCritical)
        {
            return Compensate(cancelled: true);
        }

        history.RecordCanceled(scheduled, request, started: false);
        history.WorkflowTask();
        workflowTask++;
        Settle(step, uncertain: step.MaximumAttempts != 1, new StepFailure(step.Name, step.Activity, StepFailure.Cancelled, "Activity cancelled"));
        return Compensate(cancelled: true);
    }

    /// <summary>What a step that did not complete leaves to undo: a definite "no" withdraws its key-based compensation; an uncertain end of a step whose compensation needs its result is owed.</summary>
    private void Settle(SagaStepDefinition step, bool uncertain, StepFailure failure)
    {
        if (UndoneByKey(step) && !uncertain)
        {
            undoable.Remove(step);
        }
        else if (step.Compensation is { UsesStepResult: true } && uncertain)
        {
            owed.Add(failure with { IdempotencyKey = StepKey(step) });
        }
    }

    private static bool IsUncertain(ActivityOutcome outcome) =>
        outcome.Kind == ActivityOutcomeKind.TimesOut || (outcome.Kind == ActivityOutcomeKind.Fails && outcome.Retryable);

    private SagaOutcome Compensate(bool cancelled)
    {
        var newestFirst = Enumerable.Reverse(undoable).ToList();
        if (newestFirst.Count > 0)
        {
            // The saga enters Compensating in the task that schedules its first compensation.
            Publish(SagaPhase.Compensating);
        }

        var scheduled = new List<(SagaStepDefinition Step, long Event)>();
        foreach (var step in newestFirst)
        {
            var call = CompensationCall(step);
            if (saga.ParallelCompensation)
            {
                // All compensations leave in one workflow task; their results arrive one by one.
                scheduled.Add((step, Schedule(call)));
                continue;
            }

            // A phase left unpublished (back to compensating after a retried one) goes out with the next compensation.
            Publish(phase);
            if (!Undo(step, Schedule(call)))
            {
                // Run newest first, the older compensations wait for the operator's decision.
                return SagaOutcome.WaitingForOperator;
            }
        }

        foreach (var (step, scheduledEvent) in scheduled)
        {
            Undo(step, scheduledEvent);
        }

        if (waitingForOperator.Count > 0)
        {
            return SagaOutcome.WaitingForOperator;
        }

        compensated.AddRange(newestFirst.Select(static step => step.Name));
        if (owed.Count > 0)
        {
            Publish(SagaPhase.OutcomeUncertain);
            history.EndsFailed();
            return SagaOutcome.OutcomeUncertain;
        }

        if (cancelled)
        {
            Publish(SagaPhase.Cancelled);
            history.EndsCancelled();
            return SagaOutcome.Cancelled;
        }

        Publish(SagaPhase.Compensated);
        history.EndsFailed();
        return SagaOutcome.Compensated;
    }

    private string StepKey(SagaStepDefinition step) => ScenarioKeys.OfStep(scenario.WorkflowId, step.Activity);

    private ExpectedCall CompensationCall(SagaStepDefinition step) =>
        new(SagaCallKind.Compensation, step.Name, step.Compensation!.Activity, step.Compensation.TaskQueue, IdempotencyKey.ForCompensation(StepKey(step)), Detached: true, workflowTask);

    /// <summary>Runs one compensation; false when it answered a definite "no" and the saga parked it, in the task of that answer.</summary>
    private bool Undo(SagaStepDefinition step, long scheduled)
    {
        var compensation = step.Compensation!;
        var outcome = scenario.CompensationOutcomeOf(step);
        if (Deliver(scheduled, outcome, compensation.MaximumAttempts) is not { } failure)
        {
            return true;
        }

        if (IsUncertain(outcome))
        {
            // The undo may still succeed: the saga says it is retrying, runs it again with its key, and
            // the repeat completes, which leaves it compensating again (published with what comes next).
            Publish(SagaPhase.RetryingCompensation);
            Deliver(Schedule(CompensationCall(step)), ActivityOutcome.Completed(null), compensation.MaximumAttempts);
            phase = SagaPhase.Compensating;
            return true;
        }

        waitingForOperator.Add(new StepFailure(step.Name, compensation.Activity, failure.ErrorType, failure.Message, IdempotencyKey.ForCompensation(StepKey(step))));
        Publish(SagaPhase.WaitingForOperator);
        return false;
    }

    /// <summary>
    /// The saga moves to a phase; one that keeps a phase attribute upserts it when it differs from the
    /// last value upserted (the start sets Running).
    /// </summary>
    private void Publish(SagaPhase next)
    {
        phase = next;
        if (saga.PhaseSearchAttribute is not null && published != next)
        {
            published = next;
            history.UpsertedSearchAttributes();
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
