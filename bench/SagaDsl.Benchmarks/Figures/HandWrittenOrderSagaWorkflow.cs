using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OrderSaga;
using SagaDsl.Runtime;
using Temporalio.Common;
using Temporalio.Exceptions;
using Temporalio.Workflows;
using Activities = OrderSaga.OrderSaga.Activities;

namespace SagaDsl.Benchmarks.Figures;

/// <summary>
/// The OrderSaga as a careful Temporal engineer writes it by hand, with the same activities,
/// options, keys and outcomes as the generated workflow: the baseline of target 4. Compensations
/// undo by key, so each is pushed before its step and withdrawn on a definite "no"; steps wait for
/// their answer after a cancel; the pivot runs detached until its answer is definite; a refund or
/// release refused for good waits for an operator's Retry or Skip update, holding the older undo back.
/// </summary>
[Workflow("OrderSaga")]
public sealed class HandWrittenOrderSagaWorkflow : ISagaWorkflow
{
    private static readonly RetryPolicy StepRetries = new() { MaximumAttempts = 3, InitialInterval = TimeSpan.FromSeconds(1) };
    private static readonly RetryPolicy PaymentRetries = new() { MaximumAttempts = 3, InitialInterval = TimeSpan.FromSeconds(1), NonRetryableErrorTypes = new[] { PaymentGateway.Declined } };
    private static readonly RetryPolicy UndoRetries = new() { MaximumAttempts = 10, InitialInterval = TimeSpan.FromSeconds(1), MaximumInterval = TimeSpan.FromMinutes(1) };
    private static readonly SearchAttributeKey<string> Phase = OrderSagaWorkflow.SearchAttributes.Phase;
    private static readonly RetryPolicy UntilDefinite = new() { MaximumAttempts = 0, InitialInterval = TimeSpan.FromSeconds(1) };

    private string phase = "Running";
    private string published = "Running";
    private StepFailure? parked;
    private (bool Retry, string? Reason)? decision;

    /// <summary>Gets the phase and what waits for an operator; the rest of a generated saga's status is not kept by hand.</summary>
    [WorkflowQuery]
    public SagaStatus Status => new(
        "OrderSaga",
        Enum.Parse<SagaPhase>(phase),
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
        ValidateRetry(step);
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
        ValidateSkip(step, reason);
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
    public async Task<OrderSagaResult> RunAsync(OrderDetails order)
    {
        Workflow.UpsertTypedSearchAttributes(
            Phase.ValueSet("Running"),
            OrderSagaWorkflow.SearchAttributes.OrderId.ValueSet(order.OrderId),
            OrderSagaWorkflow.SearchAttributes.CustomerId.ValueSet(order.CustomerId),
            OrderSagaWorkflow.SearchAttributes.Amount.ValueSet((double)order.Amount));

        // The deadline: if the commit has not started two hours in, the steps are cancelled and the order undone.
        using var steps = CancellationTokenSource.CreateLinkedTokenSource(Workflow.CancellationToken);
        var committing = false;
        var deadlinePassed = false;
        _ = WatchDeadlineAsync();

        // A key per step, scoped by the seeded randomness: new for every run, kept across replays.
        static string Key(string step) => $"{Workflow.Info.WorkflowId}/{Workflow.NewGuid():N}/OrderSaga.{step}";
        var undo = new List<(string Step, string Activity, string Key, Func<Task> Run)>();
        Reservation reservation;
        PaymentReceipt receipt;
        try
        {
            var reserveKey = Key("ReserveInventory");
            undo.Add(("ReserveInventory", "OrderSaga.ReleaseInventory", reserveKey + "/compensation", () => Workflow.ExecuteActivityAsync((Activities a) => a.ReleaseInventory(reserveKey + "/compensation"), Options(UndoRetries, detached: true))));
            reservation = await StepAsync(undo, () => Workflow.ExecuteActivityAsync((Activities a) => a.ReserveInventory(order, reserveKey), Options(StepRetries, waits: true, cancellation: steps.Token)));

            var paymentKey = Key("ProcessPayment");
            undo.Add(("ProcessPayment", "OrderSaga.RefundPayment", paymentKey + "/compensation", () => Workflow.ExecuteActivityAsync((Activities a) => a.RefundPayment(paymentKey + "/compensation"), Options(UndoRetries, queue: "payments", detached: true))));
            receipt = await StepAsync(undo, () => Workflow.ExecuteActivityAsync((Activities a) => a.ProcessPayment(order, paymentKey), Options(PaymentRetries, queue: "payments", waits: true, cancellation: steps.Token)));

            steps.Token.ThrowIfCancellationRequested();
            committing = true;
            var commitKey = Key("UpdateInventory");
            while (true)
            {
                try
                {
                    await Workflow.ExecuteActivityAsync((Activities a) => a.UpdateInventory(reservation, commitKey), Options(UntilDefinite, detached: true));
                    break;
                }
                catch (ActivityFailureException failure) when (SagaFailures.MayHaveTakenEffect(failure, UntilDefinite.MaximumAttempts))
                {
                    // The commit may have happened: ask again with the same key until the answer is definite.
                }
            }
        }
        catch (Exception failure) when (failure is ActivityFailureException || TemporalException.IsCanceledException(failure))
        {
            var failed = new List<StepFailure>();
            var compensated = new List<string>();
            if (undo.Count > 0)
            {
                Enter("Compensating");
            }

            for (var i = undo.Count - 1; i >= 0; i--)
            {
                compensated.Add(undo[i].Step);
                while (true)
                {
                    Enter(phase);
                    try
                    {
                        await undo[i].Run();
                        phase = "Compensating";
                        break;
                    }
                    catch (ActivityFailureException undoFailure) when (!SagaFailures.TookNoEffect(undoFailure, maximumAttempts: 0))
                    {
                        // No answer yet: the undo may still succeed, so say so and ask again with the same key.
                        Enter("RetryingCompensation");
                    }
                    catch (ActivityFailureException undoFailure)
                    {
                        // Refused for good: an operator retries it with its key, or skips it with a reason.
                        parked = StepFailure.From(undo[i].Step, undo[i].Activity, undoFailure, undo[i].Key);
                        Enter("WaitingForOperator");
                        await Workflow.WaitConditionAsync(() => decision is not null, CancellationToken.None);
                        var (retry, reason) = decision!.Value;
                        (decision, parked, phase) = (null, null, "Compensating");
                        if (retry)
                        {
                            Enter(phase);
                            continue;
                        }

                        failed.Add(StepFailure.From(undo[i].Step, undo[i].Activity, undoFailure, undo[i].Key) with { SkippedBecause = reason });
                        break;
                    }
                }
            }

            var cancelled = TemporalException.IsCanceledException(failure) && !(deadlinePassed && !Workflow.CancellationToken.IsCancellationRequested);
            Enter(failed.Count > 0 ? "CompensationFailed" : cancelled ? "Cancelled" : "Compensated");
            if (failed.Count > 0)
            {
                throw new ApplicationFailureException("compensation failed", failure, SagaFailureTypes.CompensationFailed, nonRetryable: true, details: new object[] { failed.ToArray() });
            }

            if (deadlinePassed && !Workflow.CancellationToken.IsCancellationRequested)
            {
                failure = new ApplicationFailureException("deadline passed", failure, SagaFailureTypes.DeadlinePassed, nonRetryable: true);
            }
            else if (TemporalException.IsCanceledException(failure))
            {
                throw;
            }

            throw new ApplicationFailureException("compensated", failure, SagaFailureTypes.Compensated, nonRetryable: true, details: new object[] { compensated.ToArray() });
        }

        var warnings = new List<StepFailure>();
        var notifyKey = Key("NotifyCustomer");
        try
        {
            await Workflow.ExecuteActivityAsync((Activities a) => a.NotifyCustomer(order, notifyKey), Options(StepRetries, detached: true));
        }
        catch (ActivityFailureException failure) when (!TemporalException.IsCanceledException(failure))
        {
            warnings.Add(StepFailure.From("NotifyCustomer", "OrderSaga.NotifyCustomer", failure));
        }

        Enter("Completed");
        return new OrderSagaResult { ReserveInventory = reservation, ProcessPayment = receipt, NonCriticalFailures = warnings };

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

    /// <summary>Runs a step whose compensation is already pushed; a definite "no" takes the compensation back.</summary>
    private static async Task<T> StepAsync<T>(List<(string Step, string Activity, string Key, Func<Task> Run)> undo, Func<Task<T>> step)
    {
        try
        {
            return await step();
        }
        catch (Exception failure) when (SagaFailures.TookNoEffect(failure, StepRetries.MaximumAttempts))
        {
            undo.RemoveAt(undo.Count - 1);
            throw;
        }
    }

    /// <summary>Moves to a phase; the search attribute follows when a command comes next, one upsert per change.</summary>
    private void Enter(string next)
    {
        phase = next;
        if (published != next)
        {
            published = next;
            Workflow.UpsertTypedSearchAttributes(Phase.ValueSet(next));
        }
    }

    private static ActivityOptions Options(RetryPolicy retries, string? queue = null, bool detached = false, bool waits = false, CancellationToken? cancellation = null) => new()
    {
        StartToCloseTimeout = TimeSpan.FromSeconds(30),
        TaskQueue = queue,
        RetryPolicy = retries,
        CancellationToken = detached ? CancellationToken.None : cancellation,
        CancellationType = waits ? ActivityCancellationType.WaitCancellationCompleted : ActivityCancellationType.TryCancel,
    };
}
