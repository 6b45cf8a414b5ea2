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
/// their answer after a cancel; the pivot runs detached until its answer is definite.
/// </summary>
[Workflow("OrderSaga")]
public sealed class HandWrittenOrderSagaWorkflow
{
    private static readonly RetryPolicy StepRetries = new() { MaximumAttempts = 3, InitialInterval = TimeSpan.FromSeconds(1) };
    private static readonly RetryPolicy PaymentRetries = new() { MaximumAttempts = 3, InitialInterval = TimeSpan.FromSeconds(1), NonRetryableErrorTypes = new[] { PaymentGateway.Declined } };
    private static readonly RetryPolicy UndoRetries = new() { MaximumAttempts = 10, InitialInterval = TimeSpan.FromSeconds(1), MaximumInterval = TimeSpan.FromMinutes(1) };
    private static readonly SearchAttributeKey<string> Phase = OrderSagaWorkflow.SearchAttributes.Phase;
    private static readonly RetryPolicy UntilDefinite = new() { MaximumAttempts = 0, InitialInterval = TimeSpan.FromSeconds(1) };

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
        var undo = new List<(string Step, string Activity, Func<Task> Run)>();
        Reservation reservation;
        PaymentReceipt receipt;
        try
        {
            var reserveKey = Key("ReserveInventory");
            undo.Add(("ReserveInventory", "OrderSaga.ReleaseInventory", () => Workflow.ExecuteActivityAsync((Activities a) => a.ReleaseInventory(reserveKey + "/compensation"), Options(UndoRetries, detached: true))));
            reservation = await StepAsync(undo, () => Workflow.ExecuteActivityAsync((Activities a) => a.ReserveInventory(order, reserveKey), Options(StepRetries, waits: true, cancellation: steps.Token)));

            var paymentKey = Key("ProcessPayment");
            undo.Add(("ProcessPayment", "OrderSaga.RefundPayment", () => Workflow.ExecuteActivityAsync((Activities a) => a.RefundPayment(paymentKey + "/compensation"), Options(UndoRetries, queue: "payments", detached: true))));
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
                Workflow.UpsertTypedSearchAttributes(Phase.ValueSet("Compensating"));
            }

            for (var i = undo.Count - 1; i >= 0; i--)
            {
                compensated.Add(undo[i].Step);
                while (true)
                {
                    try
                    {
                        await undo[i].Run();
                        break;
                    }
                    catch (ActivityFailureException undoFailure) when (!SagaFailures.TookNoEffect(undoFailure, maximumAttempts: 0))
                    {
                        // No answer yet: the undo may still succeed, so ask again with the same key.
                    }
                    catch (ActivityFailureException undoFailure)
                    {
                        failed.Add(StepFailure.From(undo[i].Step, undo[i].Activity, undoFailure));
                        break;
                    }
                }
            }

            var cancelled = TemporalException.IsCanceledException(failure) && !(deadlinePassed && !Workflow.CancellationToken.IsCancellationRequested);
            Workflow.UpsertTypedSearchAttributes(Phase.ValueSet(failed.Count > 0 ? "CompensationFailed" : cancelled ? "Cancelled" : "Compensated"));
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

        Workflow.UpsertTypedSearchAttributes(Phase.ValueSet("Completed"));
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
    private static async Task<T> StepAsync<T>(List<(string Step, string Activity, Func<Task> Run)> undo, Func<Task<T>> step)
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

    private static ActivityOptions Options(RetryPolicy retries, string? queue = null, bool detached = false, bool waits = false, CancellationToken? cancellation = null) => new()
    {
        StartToCloseTimeout = TimeSpan.FromSeconds(30),
        TaskQueue = queue,
        RetryPolicy = retries,
        CancellationToken = detached ? CancellationToken.None : cancellation,
        CancellationType = waits ? ActivityCancellationType.WaitCancellationCompleted : ActivityCancellationType.TryCancel,
    };
}
