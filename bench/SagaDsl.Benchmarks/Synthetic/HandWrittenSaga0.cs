using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using SagaDsl.Runtime;
using Temporalio.Activities;
using Temporalio.Client;
using Temporalio.Common;
using Temporalio.Exceptions;
using Temporalio.Worker;
using Temporalio.Workflows;

namespace Synthetic;

/// <summary>
/// The synthetic saga as a careful Temporal engineer writes it without SagaDsl: the baseline the
/// build of the generated sagas is compared with (issue 18). Same activities, options, keys, undo
/// order and outcomes as the generated <c>Saga0Workflow</c>, which the benchmark proves by replaying
/// every scenario of the generated saga through it (it shows its status and result through SagaDsl's two
/// observation interfaces for that, as the hand-written OrderSaga does). The benchmark renames it to
/// build a thousand.
/// </summary>
[Workflow("Saga0")]
public sealed class HandWrittenSaga0Workflow : ISagaWorkflow
{
    public const string TaskQueue = "q0";

    private static readonly SearchAttributeKey<string> PhaseKey = SearchAttributeKey.CreateKeyword("SagaPhase");
    private static readonly SearchAttributeKey<string> OrderIdKey = SearchAttributeKey.CreateKeyword("OrderId");

    private readonly List<StepFailure> skipped = new();
    private readonly List<StepFailure> waiting = new();
    private readonly Dictionary<string, (bool Retry, string? Reason)> decisions = new();
    private readonly HashSet<string> retrying = new();
    private SagaPhase phase = SagaPhase.Running;
    private SagaPhase published = SagaPhase.Running;
    private SagaPhase beforeParking = SagaPhase.Running;

    /// <summary>Gets the phase and what waits for an operator; the rest of a generated saga's status is not kept by hand.</summary>
    [WorkflowQuery]
    public SagaStatus Status => new(
        "Saga0",
        phase,
        null,
        Array.Empty<string>(),
        Array.Empty<string>(),
        Array.Empty<string>(),
        Array.Empty<StepFailure>(),
        Array.Empty<StepFailure>(),
        waiting.ToArray(),
        Array.Empty<StepFailure>(),
        Array.Empty<StepFailure>(),
        Array.Empty<StepFailure>(),
        false);

    [WorkflowUpdate("Retry")]
    public Task RetryAsync(string step)
    {
        ValidateRetry(step);
        decisions[step] = (true, null);
        return Task.CompletedTask;
    }

    [WorkflowUpdateValidator(nameof(RetryAsync))]
    public void ValidateRetry(string step)
    {
        if (!waiting.Any(parked => parked.Step == step) || decisions.ContainsKey(step))
        {
            throw new ApplicationFailureException($"nothing of {step} waits for an operator", "SagaOperatorDecisionRejected", nonRetryable: true);
        }
    }

    [WorkflowUpdate("Skip")]
    public Task SkipAsync(string step, string reason)
    {
        ValidateSkip(step, reason);
        decisions[step] = (false, reason);
        return Task.CompletedTask;
    }

    [WorkflowUpdateValidator(nameof(SkipAsync))]
    public void ValidateSkip(string step, string reason)
    {
        ValidateRetry(step);
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ApplicationFailureException("a skip needs a reason", "SagaOperatorDecisionRejected", nonRetryable: true);
        }
    }

    [WorkflowRun]
    public async Task<HandWrittenSaga0Result> RunAsync(Order order)
    {
        // Executions started before compensations ran all at once (no marker in their history) go on undoing one by one.
        var undoAllAtOnce = Workflow.Patched("Saga0/shape-2");
        Workflow.UpsertTypedSearchAttributes(PhaseKey.ValueSet("Running"), OrderIdKey.ValueSet(order.Id));

        // The deadline: if the commit has not started two hours in, the steps are cancelled and the order undone.
        using var steps = CancellationTokenSource.CreateLinkedTokenSource(Workflow.CancellationToken);
        var committing = false;
        var deadlinePassed = false;
        _ = WatchDeadlineAsync();

        // A key per step, scoped by the seeded randomness: new for every run, kept across replays.
        static string Key(string step) => $"{Workflow.Info.WorkflowId}/{Workflow.NewGuid():N}/Saga0.{step}";
        var undo = new List<(string Step, string Activity, string Key, Func<Task> Run)>();
        var owed = new List<StepFailure>();
        Hold hold;
        Charge charge;
        try
        {
            // Release and Refund need the step's result: a step without a definite answer is owed, not undone.
            var reserveKey = Key("Reserve");
            try
            {
                hold = await Workflow.ExecuteActivityAsync((HandWrittenSaga0Activities a) => a.Reserve(order, reserveKey), Options(attempts: 3, waits: true, cancellation: steps.Token));
            }
            catch (ActivityFailureException failure) when (SagaFailures.MayHaveTakenEffect(failure, maximumAttempts: 3))
            {
                owed.Add(StepFailure.From("Reserve", "Saga0.Reserve", failure, reserveKey));
                throw;
            }

            undo.Add(("Reserve", "Saga0.Release", reserveKey + "/compensation", () => Workflow.ExecuteActivityAsync((HandWrittenSaga0Activities a) => a.Release(hold, reserveKey + "/compensation"), Options(attempts: 10, detached: true))));

            var payKey = Key("Pay");
            try
            {
                charge = await Workflow.ExecuteActivityAsync((HandWrittenSaga0Activities a) => a.Pay(order, payKey), Options(attempts: 3, waits: true, queue: "payments", cancellation: steps.Token));
            }
            catch (ActivityFailureException failure) when (SagaFailures.MayHaveTakenEffect(failure, maximumAttempts: 3))
            {
                owed.Add(StepFailure.From("Pay", "Saga0.Pay", failure, payKey));
                throw;
            }

            undo.Add(("Pay", "Saga0.Refund", payKey + "/compensation", () => Workflow.ExecuteActivityAsync((HandWrittenSaga0Activities a) => a.Refund(charge, payKey + "/compensation"), Options(attempts: 10, detached: true))));

            steps.Token.ThrowIfCancellationRequested();
            committing = true;
            var commitKey = Key("Commit");
            while (true)
            {
                try
                {
                    await Workflow.ExecuteActivityAsync((HandWrittenSaga0Activities a) => a.Commit(hold, commitKey), Options(attempts: 0, detached: true));
                    break;
                }
                catch (ActivityFailureException failure) when (SagaFailures.MayHaveTakenEffect(failure, maximumAttempts: 0))
                {
                    // The commit may have happened: ask again with the same key until the answer is definite.
                }
            }
        }
        catch (Exception failure) when (failure is ActivityFailureException || TemporalException.IsCanceledException(failure))
        {
            var deadline = deadlinePassed && !Workflow.CancellationToken.IsCancellationRequested && TemporalException.IsCanceledException(failure);
            throw await UndoAsync(undo, owed, undoAllAtOnce, deadline ? new ApplicationFailureException("deadline passed", failure, SagaFailureTypes.DeadlinePassed, nonRetryable: true) : failure);
        }

        var shipKey = Key("Ship");
        while (true)
        {
            try
            {
                await Workflow.ExecuteActivityAsync((HandWrittenSaga0Activities a) => a.Ship(order, charge, shipKey), Options(attempts: 0, detached: true));
                break;
            }
            catch (ActivityFailureException failure)
            {
                // After the commit the order can only go forward: an operator retries the shipment or skips it.
                var parked = StepFailure.From("Ship", "Saga0.Ship", failure, shipKey);
                if (await WaitForOperatorAsync(parked) is { Retry: false } skip)
                {
                    skipped.Add(parked with { SkippedBecause = skip.Reason });
                    break;
                }
            }
        }

        var warnings = new List<StepFailure>();
        var notifyKey = Key("Notify");
        try
        {
            await Workflow.ExecuteActivityAsync((HandWrittenSaga0Activities a) => a.Notify(order, notifyKey), Options(attempts: 3, detached: true));
        }
        catch (ActivityFailureException failure) when (!TemporalException.IsCanceledException(failure))
        {
            warnings.Add(StepFailure.From("Notify", "Saga0.Notify", failure));
        }

        Enter(SagaPhase.Completed);
        return new HandWrittenSaga0Result(hold, charge, warnings, skipped);

        async Task WatchDeadlineAsync()
        {
            await Workflow.DelayAsync(TimeSpan.FromHours(2), CancellationToken.None);
            if (!committing)
            {
                deadlinePassed = true;
                steps.Cancel();
            }
        }
    }

    /// <summary>Undoes what was done, all at once (no undo depends on another) or newest first, and says how the saga ended.</summary>
    private async Task<Exception> UndoAsync(List<(string Step, string Activity, string Key, Func<Task> Run)> undo, List<StepFailure> owed, bool allAtOnce, Exception cause)
    {
        if (undo.Count > 0)
        {
            Enter(SagaPhase.Compensating);
        }

        var failures = new List<StepFailure>();
        undo.Reverse();
        if (allAtOnce)
        {
            await Workflow.WhenAllAsync(undo.Select(entry => UndoOneAsync(entry.Step, entry.Activity, entry.Key, entry.Run, failures)));
        }
        else
        {
            foreach (var entry in undo)
            {
                await UndoOneAsync(entry.Step, entry.Activity, entry.Key, entry.Run, failures);
            }
        }

        Enter(failures.Count > 0 ? SagaPhase.CompensationFailed
            : owed.Count > 0 ? SagaPhase.OutcomeUncertain
            : TemporalException.IsCanceledException(cause) ? SagaPhase.Cancelled
            : SagaPhase.Compensated);
        if (failures.Count > 0)
        {
            return new ApplicationFailureException("compensation failed", cause, SagaFailureTypes.CompensationFailed, nonRetryable: true, details: new object[] { failures.Concat(owed).ToArray() });
        }

        if (owed.Count > 0)
        {
            return new ApplicationFailureException("compensated what it could", cause, SagaFailureTypes.OutcomeUncertain, nonRetryable: true, details: new object[] { owed.ToArray() });
        }

        return TemporalException.IsCanceledException(cause)
            ? cause
            : new ApplicationFailureException("compensated", cause, SagaFailureTypes.Compensated, nonRetryable: true, details: new object[] { undo.Select(entry => entry.Step).ToArray() });
    }

    /// <summary>Runs one undo until it has a definite answer; a definite "no" waits for an operator.</summary>
    private async Task UndoOneAsync(string step, string activity, string key, Func<Task> run, List<StepFailure> failures)
    {
        while (true)
        {
            Publish();
            try
            {
                await run();
                StoppedRetrying(step);
                return;
            }
            catch (ActivityFailureException failure) when (SagaFailures.TookNoEffect(failure, maximumAttempts: 0))
            {
                StoppedRetrying(step);
                var parked = StepFailure.From(step, activity, failure, key);
                if (await WaitForOperatorAsync(parked) is { Retry: false } skip)
                {
                    failures.Add(parked with { SkippedBecause = skip.Reason });
                    return;
                }
            }
            catch (ActivityFailureException)
            {
                // No answer yet: the undo may still succeed, so say so and ask again with the same key.
                retrying.Add(step);
                if (phase == SagaPhase.Compensating)
                {
                    Enter(SagaPhase.RetryingCompensation);
                }
            }
        }
    }

    private void StoppedRetrying(string step)
    {
        if (retrying.Remove(step) && phase == SagaPhase.RetryingCompensation && retrying.Count == 0)
        {
            phase = SagaPhase.Compensating;
        }
    }

    /// <summary>
    /// A step's options: steps before the pivot are cancelled with the saga or its deadline and wait for
    /// the cancel to complete; undos and everything from the pivot on ignore the cancel (0 attempts: until definite).
    /// </summary>
    private static ActivityOptions Options(int attempts, bool waits = false, bool detached = false, string? queue = null, CancellationToken? cancellation = null) => new()
    {
        StartToCloseTimeout = TimeSpan.FromMinutes(1),
        TaskQueue = queue,
        RetryPolicy = new() { MaximumAttempts = attempts, MaximumInterval = attempts == 10 ? TimeSpan.FromMinutes(1) : null },
        CancellationType = waits ? ActivityCancellationType.WaitCancellationCompleted : ActivityCancellationType.TryCancel,
        CancellationToken = detached ? CancellationToken.None : cancellation,
    };

    /// <summary>Waits for an operator's Retry or Skip of one step or undo.</summary>
    private async Task<(bool Retry, string? Reason)> WaitForOperatorAsync(StepFailure failure)
    {
        waiting.Add(failure);
        if (phase != SagaPhase.WaitingForOperator)
        {
            beforeParking = phase;
            Enter(SagaPhase.WaitingForOperator);
        }

        await Workflow.WaitConditionAsync(() => decisions.ContainsKey(failure.Step), CancellationToken.None);
        var decision = decisions[failure.Step];
        decisions.Remove(failure.Step);
        waiting.Remove(failure);

        if (waiting.Count == 0)
        {
            var undoing = beforeParking is SagaPhase.Compensating or SagaPhase.RetryingCompensation;
            phase = !undoing ? beforeParking : retrying.Count > 0 ? SagaPhase.RetryingCompensation : SagaPhase.Compensating;

            // A retry's activity comes next, so it takes the upsert; after a skip the next command or the end does.
            if (decision.Retry)
            {
                Publish();
            }
        }

        return decision;
    }

    /// <summary>Moves to a phase and publishes it.</summary>
    private void Enter(SagaPhase next)
    {
        phase = next;
        Publish();
    }

    /// <summary>Upserts the phase when it changed since the last upsert: one upsert per change, next to a command.</summary>
    private void Publish()
    {
        if (published != phase)
        {
            published = phase;
            Workflow.UpsertTypedSearchAttributes(PhaseKey.ValueSet(phase.ToString()));
        }
    }
}

/// <summary>What the hand-written saga returns.</summary>
public sealed record HandWrittenSaga0Result(Hold Reserve, Charge Pay, IReadOnlyList<StepFailure> NonCriticalFailures, IReadOnlyList<StepFailure> SkippedSteps) : ISagaResult;

/// <summary>The hand-written saga's activities, written as activities directly: the key is their last argument.</summary>
public sealed class HandWrittenSaga0Activities
{
    [Activity("Saga0.Reserve")]
    public Task<Hold> Reserve(Order order, string key) => Task.FromResult(new Hold("H-" + order.Id));

    [Activity("Saga0.Release")]
    public Task Release(Hold hold, string key) => Task.CompletedTask;

    [Activity("Saga0.Pay")]
    public Task<Charge> Pay(Order order, string key) => Task.FromResult(new Charge(key));

    [Activity("Saga0.Refund")]
    public Task Refund(Charge charge, string key) => Task.CompletedTask;

    [Activity("Saga0.Commit")]
    public Task Commit(Hold hold, string key) => Task.CompletedTask;

    [Activity("Saga0.Ship")]
    public Task Ship(Order order, Charge charge, string key) => Task.CompletedTask;

    [Activity("Saga0.Notify")]
    public Task Notify(Order order, string key) => Task.CompletedTask;
}

/// <summary>Registers the hand-written saga on its two task queues, and starts it.</summary>
public static class HandWrittenSaga0Hosting
{
    public static TemporalWorkerOptions[] CreateWorkerOptions(HandWrittenSaga0Activities activities) => new[]
    {
        new TemporalWorkerOptions(HandWrittenSaga0Workflow.TaskQueue)
            .AddWorkflow<HandWrittenSaga0Workflow>()
            .AddActivity(activities.Reserve)
            .AddActivity(activities.Release)
            .AddActivity(activities.Refund)
            .AddActivity(activities.Commit)
            .AddActivity(activities.Ship)
            .AddActivity(activities.Notify),
        new TemporalWorkerOptions("payments") { MaxConcurrentActivities = 2 }.AddActivity(activities.Pay),
    };

    public static Task<WorkflowHandle<HandWrittenSaga0Workflow, HandWrittenSaga0Result>> StartSaga0Async(this ITemporalClient client, Order order, string workflowId) =>
        client.StartWorkflowAsync((HandWrittenSaga0Workflow workflow) => workflow.RunAsync(order), new(workflowId, HandWrittenSaga0Workflow.TaskQueue)
        {
            // Findable by order from its start, before the workflow's first task sets the same values.
            TypedSearchAttributes = new SearchAttributeCollection.Builder().Set(SearchAttributeKey.CreateKeyword("SagaPhase"), "Running").Set(SearchAttributeKey.CreateKeyword("OrderId"), order.Id).ToSearchAttributeCollection(),
        });
}
