using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using SagaDsl.Runtime;
using Temporalio.Activities;
using Temporalio.Client;
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

    private readonly List<StepFailure> failures = new();
    private SagaPhase phase = SagaPhase.Running;
    private StepFailure? parked;
    private (bool Retry, string? Reason)? decision;

    /// <summary>Gets the phase and what waits for an operator; the rest of a generated saga's status is not kept by hand.</summary>
    [WorkflowQuery]
    public SagaStatus Status => new(
        "Saga0",
        parked is null ? phase : SagaPhase.WaitingForOperator,
        null,
        Array.Empty<string>(),
        Array.Empty<string>(),
        Array.Empty<string>(),
        Array.Empty<StepFailure>(),
        Array.Empty<StepFailure>(),
        parked is null ? Array.Empty<StepFailure>() : new[] { parked },
        Array.Empty<StepFailure>(),
        Array.Empty<StepFailure>(),
        Array.Empty<StepFailure>(),
        false);

    [WorkflowUpdate("Retry")]
    public Task RetryAsync(string step)
    {
        decision = (true, null);
        return Task.CompletedTask;
    }

    [WorkflowUpdateValidator(nameof(RetryAsync))]
    public void ValidateRetry(string step)
    {
        if (parked?.Step != step || decision is not null)
        {
            throw new ApplicationFailureException($"nothing of {step} waits for an operator", "SagaOperatorDecisionRejected", nonRetryable: true);
        }
    }

    [WorkflowUpdate("Skip")]
    public Task SkipAsync(string step, string reason)
    {
        decision = (false, reason);
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
                hold = await Workflow.ExecuteActivityAsync((HandWrittenSaga0Activities a) => a.Reserve(order, reserveKey), Options(attempts: 3, waits: true));
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
                charge = await Workflow.ExecuteActivityAsync((HandWrittenSaga0Activities a) => a.Pay(order, payKey), Options(attempts: 3, waits: true, queue: "payments"));
            }
            catch (ActivityFailureException failure) when (SagaFailures.MayHaveTakenEffect(failure, maximumAttempts: 3))
            {
                owed.Add(StepFailure.From("Pay", "Saga0.Pay", failure, payKey));
                throw;
            }

            undo.Add(("Pay", "Saga0.Refund", payKey + "/compensation", () => Workflow.ExecuteActivityAsync((HandWrittenSaga0Activities a) => a.Refund(charge, payKey + "/compensation"), Options(attempts: 10, detached: true))));

            Workflow.CancellationToken.ThrowIfCancellationRequested();
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
            throw await UndoAsync(undo, owed, failure);
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
                if (!await WaitForOperatorAsync(StepFailure.From("Ship", "Saga0.Ship", failure, shipKey)))
                {
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

        phase = SagaPhase.Completed;
        return new HandWrittenSaga0Result(hold, charge, warnings, failures);
    }

    /// <summary>Undoes what was done, newest first, and says how the saga ended.</summary>
    private async Task<Exception> UndoAsync(List<(string Step, string Activity, string Key, Func<Task> Run)> undo, List<StepFailure> owed, Exception cause)
    {
        phase = SagaPhase.Compensating;
        for (var i = undo.Count - 1; i >= 0; i--)
        {
            while (true)
            {
                try
                {
                    await undo[i].Run();
                    break;
                }
                catch (ActivityFailureException failure) when (!SagaFailures.TookNoEffect(failure, maximumAttempts: 0))
                {
                    // No answer yet: the undo may still succeed, so ask again with the same key.
                }
                catch (ActivityFailureException failure)
                {
                    if (!await WaitForOperatorAsync(StepFailure.From(undo[i].Step, undo[i].Activity, failure, undo[i].Key)))
                    {
                        break;
                    }
                }
            }
        }

        phase = failures.Count > 0 ? SagaPhase.CompensationFailed
            : owed.Count > 0 ? SagaPhase.OutcomeUncertain
            : TemporalException.IsCanceledException(cause) ? SagaPhase.Cancelled
            : SagaPhase.Compensated;
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
            : new ApplicationFailureException("compensated", cause, SagaFailureTypes.Compensated, nonRetryable: true, details: new object[] { undo.Select(entry => entry.Step).Reverse().ToArray() });
    }

    /// <summary>
    /// A step's options: steps before the pivot are cancelled with the saga and wait for the cancel to
    /// complete; undos and everything from the pivot on ignore the cancel (0 attempts: until definite).
    /// </summary>
    private static ActivityOptions Options(int attempts, bool waits = false, bool detached = false, string? queue = null) => new()
    {
        StartToCloseTimeout = TimeSpan.FromMinutes(1),
        TaskQueue = queue,
        RetryPolicy = new() { MaximumAttempts = attempts, MaximumInterval = attempts == 10 ? TimeSpan.FromMinutes(1) : null },
        CancellationType = waits ? ActivityCancellationType.WaitCancellationCompleted : ActivityCancellationType.TryCancel,
        CancellationToken = detached ? CancellationToken.None : null,
    };

    /// <summary>Waits for an operator's Retry (true) or Skip (false, the skip recorded).</summary>
    private async Task<bool> WaitForOperatorAsync(StepFailure failure)
    {
        parked = failure;
        await Workflow.WaitConditionAsync(() => decision is not null, CancellationToken.None);
        var (retry, reason) = decision!.Value;
        (decision, parked) = (null, null);
        if (!retry)
        {
            failures.Add(failure with { SkippedBecause = reason });
        }

        return retry;
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
        new TemporalWorkerOptions("payments").AddActivity(activities.Pay),
    };

    public static Task<WorkflowHandle<HandWrittenSaga0Workflow, HandWrittenSaga0Result>> StartSaga0Async(this ITemporalClient client, Order order, string workflowId) =>
        client.StartWorkflowAsync((HandWrittenSaga0Workflow workflow) => workflow.RunAsync(order), new(workflowId, HandWrittenSaga0Workflow.TaskQueue));
}
