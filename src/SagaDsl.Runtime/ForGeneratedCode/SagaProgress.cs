using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;
using Temporalio.Common;
using Temporalio.Workflows;

namespace SagaDsl.Runtime;

/// <summary>
/// What a generated saga workflow has done so far: it logs each event once and keeps the record its
/// <c>Status</c> query answers from.
/// </summary>
/// <remarks>
/// Workflow code. A query runs between workflow tasks and reads <see cref="Status"/>, a copy, so it
/// never sees a half-made change.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class SagaProgress
{
    private SearchAttributeKey<string>? phaseKey;
    private readonly List<string> completed = new();
    private readonly List<string> pending = new();
    private readonly List<string> compensated = new();
    private readonly Dictionary<string, StepFailure> retrying = new(StringComparer.Ordinal);
    private readonly List<StepFailure> failedCompensations = new();
    private readonly List<StepFailure> owed = new();
    private readonly List<StepFailure> nonCriticalFailures = new();
    private readonly List<StepFailure> waitingForOperator = new();
    private readonly List<StepFailure> skippedSteps = new();
    private SagaPhase phase = SagaPhase.Running;
    private SagaPhase published = SagaPhase.Running;
    private SagaPhase phaseBeforeParking = SagaPhase.Running;
    private string? currentStep;
    private bool deadlinePassed;

    /// <summary>Initializes a new instance of the <see cref="SagaProgress"/> class.</summary>
    /// <param name="saga">The saga's name, for logs, failures and the status.</param>
    public SagaProgress(string saga) => Saga = saga ?? throw new ArgumentNullException(nameof(saga));

    /// <summary>Initializes a new instance of the <see cref="SagaProgress"/> class that keeps a search attribute set to the saga's phase.</summary>
    /// <param name="saga">The saga's name, for logs, failures and the status.</param>
    /// <param name="phaseKey">
    /// The keyword search attribute to keep current. The workflow sets it to <see cref="SagaPhase.Running"/>
    /// with its other attributes when it starts; each later change of phase is upserted here.
    /// </param>
    public SagaProgress(string saga, SearchAttributeKey<string> phaseKey)
        : this(saga) => this.phaseKey = phaseKey ?? throw new ArgumentNullException(nameof(phaseKey));

    /// <summary>
    /// Keeps the phase in another search attribute, or in none, for the run of a shipped shape that kept
    /// it there: an execution that began on that shape goes on publishing where its visibility queries look.
    /// </summary>
    /// <param name="key">The shape's phase attribute, or <c>null</c> when the shape kept none.</param>
    /// <exception cref="InvalidOperationException">The saga has moved on from its start, where the phase was published already.</exception>
    public void KeepPhaseIn(SearchAttributeKey<string>? key)
    {
        if (phase != SagaPhase.Running || currentStep is not null || completed.Count > 0)
        {
            throw new InvalidOperationException($"Saga {Saga}: the phase attribute is chosen before the first step, not once the saga runs.");
        }

        phaseKey = key;
    }

    /// <summary>Gets the saga's name.</summary>
    public string Saga { get; }

    /// <summary>Gets the failures of non-critical steps so far, in step order: the result's <c>NonCriticalFailures</c>.</summary>
    public IReadOnlyList<StepFailure> NonCriticalFailures => nonCriticalFailures.ToArray();

    /// <summary>Gets the critical steps after the pivot an operator told the saga to go on without: the result's <c>SkippedSteps</c>.</summary>
    public IReadOnlyList<StepFailure> SkippedSteps => skippedSteps.ToArray();

    /// <summary>Gets where the saga stands now.</summary>
    public SagaStatus Status => new(
        Saga,
        phase,
        currentStep,
        completed.ToArray(),
        pending.ToArray(),
        compensated.ToArray(),
        retrying.Values.ToArray(),
        failedCompensations.ToArray(),
        waitingForOperator.ToArray(),
        owed.ToArray(),
        nonCriticalFailures.ToArray(),
        skippedSteps.ToArray(),
        deadlinePassed);

    /// <summary>Records that a step is about to run.</summary>
    /// <param name="step">The step's method name.</param>
    public void StepRunning(string step)
    {
        currentStep = step;
        Publish();
    }

    /// <summary>Records and logs that a step completed.</summary>
    /// <param name="step">The step's method name.</param>
    public void StepCompleted(string step)
    {
        currentStep = null;
        completed.Add(step);
        SagaLog.StepCompleted(Workflow.Logger, Saga, step);
    }

    /// <summary>Records and logs that the pivot completed: nothing before it will be undone.</summary>
    /// <param name="pivot">The pivot's method name.</param>
    public void PivotPassed(string pivot)
    {
        pending.Clear();
        SagaLog.PivotPassed(Workflow.Logger, Saga, pivot);
    }

    /// <summary>Logs that the pivot ended without a definite answer and runs again.</summary>
    /// <param name="pivot">The pivot's method name.</param>
    /// <param name="failure">How it ended.</param>
    public void PivotUncertain(string pivot, Exception failure) => SagaLog.PivotUncertain(Workflow.Logger, Saga, pivot, failure);

    /// <summary>Records and logs a non-critical step's failure; the saga goes on.</summary>
    /// <param name="step">The step's method name.</param>
    /// <param name="activity">The step's activity name.</param>
    /// <param name="failure">The step's failure.</param>
    public void NonCriticalStepFailed(string step, string activity, Exception failure)
    {
        currentStep = null;
        SagaFailures.RecordNonCritical(Saga, step, activity, failure, nonCriticalFailures);
    }

    /// <summary>Records and logs that every step ran.</summary>
    public void SagaCompleted()
    {
        Enter(SagaPhase.Completed);
        SagaLog.Completed(Workflow.Logger, Saga, nonCriticalFailures.Count);
    }

    internal void CompensationPushed(string step) => pending.Add(step);

    internal void CompensationWithdrawn(string step) => pending.RemoveAt(pending.LastIndexOf(step));

    internal void Compensating(int count, Exception cause)
    {
        currentStep = null;
        SagaLog.Compensating(Workflow.Logger, Saga, count, cause);

        // With nothing to undo the saga ends in this same task: its end is the only change worth an upsert.
        if (count > 0)
        {
            Enter(SagaPhase.Compensating);
        }
    }

    /// <summary>A compensation is about to be scheduled: a phase an operator's skip left unpublished is published with it.</summary>
    internal void CompensationRunning() => Publish();

    internal void Compensated(string step)
    {
        pending.Remove(step);
        StoppedRetrying(step);
        compensated.Add(step);
    }

    /// <summary>
    /// Records that a compensation used up a round without an answer. The phase says so from the
    /// first such round; the compensation runs again next, so the upsert is followed by its command.
    /// </summary>
    internal void CompensationRetrying(string step, string activity, int rounds, Exception failure)
    {
        retrying[step] = StepFailure.From(step, activity, failure);
        SagaLog.CompensationRetrying(Workflow.Logger, Saga, step, rounds, failure);
        if (phase == SagaPhase.Compensating)
        {
            Enter(SagaPhase.RetryingCompensation);
        }
    }

    /// <summary>
    /// A compensation that was retrying has its answer; with none left retrying the saga is back to
    /// compensating, published with the next compensation scheduled or the saga's end.
    /// </summary>
    private void StoppedRetrying(string step)
    {
        retrying.Remove(step);
        if (phase == SagaPhase.RetryingCompensation && retrying.Count == 0)
        {
            phase = SagaPhase.Compensating;
        }
    }

    internal void CompensationSkipped(StepFailure skipped)
    {
        pending.Remove(skipped.Step);
        failedCompensations.Add(skipped);
    }

    internal void Parked(StepFailure parked, Exception failure)
    {
        currentStep = null;
        StoppedRetrying(parked.Step);
        waitingForOperator.Add(parked);
        SagaLog.WaitingForOperator(Workflow.Logger, Saga, parked.Step, parked.Activity, failure);
        if (phase != SagaPhase.WaitingForOperator)
        {
            phaseBeforeParking = phase;
            Enter(SagaPhase.WaitingForOperator);
        }
    }

    /// <summary>Records the operator's decision; a skip is kept with its reason, where the saga reports it.</summary>
    internal void Unparked(StepFailure parked, SagaOperatorDecision decision, string? reason)
    {
        waitingForOperator.Remove(parked);
        SagaLog.OperatorDecided(Workflow.Logger, Saga, parked.Step, decision, reason ?? string.Empty);
        var undoing = phaseBeforeParking is SagaPhase.Compensating or SagaPhase.RetryingCompensation;
        if (decision == SagaOperatorDecision.Skip)
        {
            var skipped = parked with { SkippedBecause = reason };
            if (undoing)
            {
                CompensationSkipped(skipped);
            }
            else
            {
                skippedSteps.Add(skipped);
            }
        }
        else if (!undoing)
        {
            currentStep = parked.Step;
        }

        if (waitingForOperator.Count > 0)
        {
            return;
        }

        // Other compensations may have started or stopped retrying meanwhile.
        phase = !undoing ? phaseBeforeParking : retrying.Count > 0 ? SagaPhase.RetryingCompensation : SagaPhase.Compensating;

        // A retry schedules its activity next, so its upsert is one of its own. After a skip the saga
        // may end in this same task, whose end upserts once more: the change waits for the next step
        // or compensation to be scheduled, or for the saga's end.
        if (decision == SagaOperatorDecision.Retry)
        {
            Publish();
        }
    }

    /// <summary>Gets the compensations that failed for good and were skipped by an operator, with the reasons.</summary>
    internal IReadOnlyList<StepFailure> FailedCompensations => failedCompensations;

    /// <summary>Gets the steps owed so far, in the order they ended, each with its key.</summary>
    internal IReadOnlyList<StepFailure> Owed => owed;

    internal void Owe(string step, string activity, string idempotencyKey, Exception failure)
    {
        currentStep = null;
        owed.Add(StepFailure.From(step, activity, failure, idempotencyKey));
        SagaLog.StepOutcomeUncertain(Workflow.Logger, Saga, step, failure);
    }

    internal void Ended(SagaPhase end) => Enter(end);

    internal void DeadlinePassed(TimeSpan limit, bool acted)
    {
        deadlinePassed = true;
        SagaLog.DeadlinePassed(Workflow.Logger, Saga, limit, acted ? "cancelling the steps; the saga compensates" : "the pivot has started, so the saga goes on");
    }

    /// <summary>Moves to a phase and publishes it.</summary>
    private void Enter(SagaPhase next)
    {
        phase = next;
        Publish();
    }

    /// <summary>
    /// Upserts the phase attribute, when one is kept and the phase changed since the last upsert. It is
    /// called only where a command (an activity scheduled, the workflow's end) or the end of the
    /// workflow task follows before the next upsert, so each upsert is its own.
    /// </summary>
    private void Publish()
    {
        if (phaseKey is null || published == phase)
        {
            return;
        }

        published = phase;
        Workflow.UpsertTypedSearchAttributes(phaseKey.ValueSet(phase.ToString()));
    }
}
