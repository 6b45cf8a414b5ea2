using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using global::OrderSaga;
using SagaDsl.Runtime;
using Temporalio.Api.Enums.V1;
using Temporalio.Exceptions;
using Temporalio.Workflows;
using static SagaDsl.Testing.Tests.Exploration.OrderActivities;
using static SagaDsl.Tests.Shared.OrderSagaHistory;

namespace SagaDsl.Testing.Tests.Exploration;

/// <summary>One way to get a saga wrong; the careful workflow makes exactly the mistakes it is given.</summary>
[Flags]
public enum SagaMistakes
{
    /// <summary>None: the workflow keeps the saga's promise.</summary>
    None = 0,

    /// <summary>Compensations run oldest first.</summary>
    OldestFirst = 1,

    /// <summary>The payment is never refunded.</summary>
    SkipsRefund = 2,

    /// <summary>Compensations are scheduled on the workflow's cancellation token.</summary>
    CompensatesOnWorkflowToken = 4,

    /// <summary>The pivot runs like any other step: inside the compensating block, cancellable, never retried for a definite answer.</summary>
    CompensatesThePivot = 8,

    /// <summary>A step's compensation is pushed only after the step succeeded.</summary>
    TrustsUncertainFailures = 16,

    /// <summary>Steps keep the SDK's default TryCancel, so a step that completes after the cancel is never seen.</summary>
    StopsWaitingOnCancel = 32,

    /// <summary>The deadline's timer runs, but its firing changes nothing: the saga goes on to the pivot.</summary>
    IgnoresDeadline = 64,

    /// <summary>A parked compensation waits until every older one has run, so a retry undoes out of order.</summary>
    ParksAfterTheOthers = 128,

    /// <summary>An operator's retry runs the compensation under a key of its own, which finds no effect.</summary>
    RetriesUnderANewKey = 256,

    /// <summary>A compensation an operator skipped is left out of the saga's failure.</summary>
    ForgetsSkippedUndo = 512,
}

/// <summary>
/// The OrderSaga written by hand as carefully as we know how, with key-based compensations: each
/// compensation is pushed before its step runs and withdrawn only on the service's definite "no", steps
/// wait for their real outcome after a cancel, and the pivot runs detached until its answer is definite.
/// Each subclass adds mistakes, so the explorer's tests can show it notices each one.
/// </summary>
public abstract class CarefulOrderSaga
{
    private readonly SagaMistakes mistakes;
    private readonly SagaProgress progress = new("OrderSaga");
    private readonly SagaParking? parking;

    /// <param name="mistakes">The mistakes it makes.</param>
    /// <param name="parks">Whether a compensation's definite "no" waits for an operator's Retry or Skip update, instead of failing the saga.</param>
    protected CarefulOrderSaga(SagaMistakes mistakes, bool parks = false)
    {
        this.mistakes = mistakes;
        parking = parks ? new SagaParking(progress) : null;
    }

    /// <summary>Gets the saga's status, which tells the explorer what waits for an operator.</summary>
    protected SagaStatus SagaStatus => progress.Status;

    /// <summary>Gets where a compensation's definite "no" waits for an operator.</summary>
    protected SagaParking Parking => parking ?? throw new InvalidOperationException("This workflow does not park.");

    public async Task<OrderSagaResult> RunSagaAsync(OrderDetails order)
    {
        if (Has(SagaMistakes.IgnoresDeadline))
        {
            _ = Workflow.DelayAsync(Deadline, CancellationToken.None);
        }

        var undo = new List<Undo>();
        var warnings = new List<StepFailure>();
        Reservation reservation;
        PaymentReceipt receipt;
        try
        {
            reservation = await StepAsync<Reservation>(undo, "ReserveInventory", Reserve, Release, Options(3, cancellation: StepCancellation), null, order);
            receipt = await StepAsync<PaymentReceipt>(undo, "ProcessPayment", Pay, Refund, Options(3, "payments", cancellation: StepCancellation, nonRetryable: new[] { PaymentGateway.Declined }), "payments", order);
            if (Has(SagaMistakes.CompensatesThePivot))
            {
                await CallAsync(Update, Options(3), reservation, Key(Update));
            }
        }
        catch (Exception failure) when (SagaFailures.ShouldCompensate(failure))
        {
            throw await CompensateAsync(undo, failure);
        }

        if (!Has(SagaMistakes.CompensatesThePivot))
        {
            await PivotAsync(undo, reservation);
        }

        try
        {
            await CallAsync(Notify, Options(3, detached: true), order, Key(Notify));
        }
        catch (ActivityFailureException failure)
        {
            SagaFailures.RecordNonCritical("OrderSaga", "NotifyCustomer", Notify, failure, warnings);
        }

        return Result(reservation, receipt, warnings);
    }

    private ActivityCancellationType StepCancellation =>
        Has(SagaMistakes.StopsWaitingOnCancel) ? ActivityCancellationType.TryCancel : ActivityCancellationType.WaitCancellationCompleted;

    private bool Has(SagaMistakes mistake) => (mistakes & mistake) != 0;

    private static bool TookNoEffect(Exception failure) =>
        failure is ActivityFailureException { RetryState: RetryState.NonRetryableFailure, InnerException: ApplicationFailureException }
        || failure is CanceledFailureException;

    private async Task<T> StepAsync<T>(List<Undo> undo, string step, string activity, string compensation, ActivityOptions options, string? queue, OrderDetails order)
    {
        var key = Key(activity);
        var entry = new Undo(step, activity, compensation, IdempotencyKey.ForCompensation(key), undoKey => CallAsync(compensation, Options(10, queue, detached: !Has(SagaMistakes.CompensatesOnWorkflowToken)), order, undoKey));
        var skipped = Has(SagaMistakes.SkipsRefund) && compensation == Refund;
        if (!skipped && !Has(SagaMistakes.TrustsUncertainFailures))
        {
            undo.Add(entry);
        }

        T result;
        try
        {
            result = await CallAsync<T>(activity, options, order, key);
        }
        catch (Exception failure) when (TookNoEffect(failure) && !skipped && !Has(SagaMistakes.TrustsUncertainFailures))
        {
            undo.RemoveAt(undo.Count - 1);
            throw;
        }

        if (!skipped && Has(SagaMistakes.TrustsUncertainFailures))
        {
            undo.Add(entry);
        }

        return result;
    }

    private async Task PivotAsync(List<Undo> undo, Reservation reservation)
    {
        var key = Key(Update);
        try
        {
            // A cancel that arrives before the pivot starts still undoes the saga; once it has started it is not cancelled.
            Workflow.CancellationToken.ThrowIfCancellationRequested();
            while (true)
            {
                try
                {
                    await CallAsync(Update, Options(0, detached: true), reservation, key);
                    return;
                }
                catch (ActivityFailureException failure) when (!TookNoEffect(failure))
                {
                    // The commit may have happened: ask again with the same key until the answer is definite.
                }
            }
        }
        catch (Exception failure) when (SagaFailures.ShouldCompensate(failure))
        {
            throw await CompensateAsync(undo, failure);
        }
    }

    private async Task<Exception> CompensateAsync(List<Undo> undo, Exception cause)
    {
        var failed = new List<StepFailure>();
        var later = new List<(Undo Entry, ActivityFailureException Failure)>();
        var order = Has(SagaMistakes.OldestFirst) ? undo.ToList() : Enumerable.Reverse(undo).ToList();
        foreach (var entry in order)
        {
            try
            {
                await entry.Compensate(entry.Key);
            }
            catch (ActivityFailureException failure) when (parking is not null && TookNoEffect(failure))
            {
                if (Has(SagaMistakes.ParksAfterTheOthers))
                {
                    later.Add((entry, failure));
                }
                else
                {
                    await ResolveAsync(entry, failure, failed);
                }
            }
            catch (ActivityFailureException failure)
            {
                failed.Add(StepFailure.From(entry.Step, entry.Activity, failure));
            }
        }

        foreach (var (entry, failure) in later)
        {
            await ResolveAsync(entry, failure, failed);
        }

        if (failed.Count > 0)
        {
            return new ApplicationFailureException("compensation failed", cause, SagaFailureTypes.CompensationFailed, nonRetryable: true, details: new object[] { failed.ToArray() });
        }

        return TemporalException.IsCanceledException(cause)
            ? cause
            : new ApplicationFailureException("compensated", cause, SagaFailureTypes.Compensated, nonRetryable: true);
    }

    /// <summary>Waits for an operator about a compensation that answered "no": a retry runs it again, a skip leaves its effect, reported.</summary>
    private async Task ResolveAsync(Undo entry, ActivityFailureException failure, List<StepFailure> failed)
    {
        while (true)
        {
            if (await parking!.WaitForOperatorAsync(entry.Step, entry.Activity, failure, entry.Key, canSkip: true) == SagaOperatorDecision.Skip)
            {
                if (!Has(SagaMistakes.ForgetsSkippedUndo))
                {
                    failed.Add(StepFailure.From(entry.Step, entry.Activity, failure, entry.Key) with { SkippedBecause = "skipped by an operator" });
                }

                return;
            }

            try
            {
                await entry.Compensate(Has(SagaMistakes.RetriesUnderANewKey) ? IdempotencyKey.ForCompensation(IdempotencyKey.NewForStep(entry.StepActivity)) : entry.Key);
                return;
            }
            catch (ActivityFailureException again)
            {
                failure = again;
            }
        }
    }

    /// <summary>A compensation to run: for which step, the step's and its own activity, its key, and how to call it with a key.</summary>
    private sealed record Undo(string Step, string StepActivity, string Activity, string Key, Func<string, Task> Compensate);
}

/// <summary>The careful workflow that parks a refused compensation, with the generated saga's updates and status query.</summary>
public abstract class ParkingOrderSaga(SagaMistakes mistakes) : CarefulOrderSaga(mistakes, parks: true), ISagaWorkflow
{
    [WorkflowQuery]
    public SagaStatus Status => SagaStatus;

    [WorkflowUpdate("Retry")]
    public Task RetryAsync(string step) => Parking.RetryAsync(step);

    [WorkflowUpdateValidator(nameof(RetryAsync))]
    public void ValidateRetry(string step) => Parking.ValidateRetry(step);

    [WorkflowUpdate("Skip")]
    public Task SkipAsync(string step, string reason) => Parking.SkipAsync(step, reason);

    [WorkflowUpdateValidator(nameof(SkipAsync))]
    public void ValidateSkip(string step, string reason) => Parking.ValidateSkip(step, reason);
}

[Workflow("OrderSaga")]
public sealed class CarefulOrderSagaWorkflow() : CarefulOrderSaga(SagaMistakes.None)
{
    [WorkflowRun]
    public Task<OrderSagaResult> RunAsync(OrderDetails order) => RunSagaAsync(order);
}

[Workflow("OrderSaga")]
public sealed class OldestFirstOrderSagaWorkflow() : CarefulOrderSaga(SagaMistakes.OldestFirst)
{
    [WorkflowRun]
    public Task<OrderSagaResult> RunAsync(OrderDetails order) => RunSagaAsync(order);
}

[Workflow("OrderSaga")]
public sealed class NoRefundOrderSagaWorkflow() : CarefulOrderSaga(SagaMistakes.SkipsRefund)
{
    [WorkflowRun]
    public Task<OrderSagaResult> RunAsync(OrderDetails order) => RunSagaAsync(order);
}

[Workflow("OrderSaga")]
public sealed class AttachedCompensationsOrderSagaWorkflow() : CarefulOrderSaga(SagaMistakes.CompensatesOnWorkflowToken)
{
    [WorkflowRun]
    public Task<OrderSagaResult> RunAsync(OrderDetails order) => RunSagaAsync(order);
}

[Workflow("OrderSaga")]
public sealed class CompensatedPivotOrderSagaWorkflow() : CarefulOrderSaga(SagaMistakes.CompensatesThePivot)
{
    [WorkflowRun]
    public Task<OrderSagaResult> RunAsync(OrderDetails order) => RunSagaAsync(order);
}

[Workflow("OrderSaga")]
public sealed class TrustingOrderSagaWorkflow() : CarefulOrderSaga(SagaMistakes.TrustsUncertainFailures)
{
    [WorkflowRun]
    public Task<OrderSagaResult> RunAsync(OrderDetails order) => RunSagaAsync(order);
}

[Workflow("OrderSaga")]
public sealed class TryCancelOrderSagaWorkflow() : CarefulOrderSaga(SagaMistakes.StopsWaitingOnCancel)
{
    [WorkflowRun]
    public Task<OrderSagaResult> RunAsync(OrderDetails order) => RunSagaAsync(order);
}

[Workflow("OrderSaga")]
public sealed class DeadlineIgnoringOrderSagaWorkflow() : CarefulOrderSaga(SagaMistakes.IgnoresDeadline)
{
    [WorkflowRun]
    public Task<OrderSagaResult> RunAsync(OrderDetails order) => RunSagaAsync(order);
}

[Workflow("OrderSaga")]
public sealed class ParkingOrderSagaWorkflow() : ParkingOrderSaga(SagaMistakes.None)
{
    [WorkflowRun]
    public Task<OrderSagaResult> RunAsync(OrderDetails order) => RunSagaAsync(order);
}

[Workflow("OrderSaga")]
public sealed class LateParkingOrderSagaWorkflow() : ParkingOrderSaga(SagaMistakes.ParksAfterTheOthers)
{
    [WorkflowRun]
    public Task<OrderSagaResult> RunAsync(OrderDetails order) => RunSagaAsync(order);
}

[Workflow("OrderSaga")]
public sealed class NewKeyRetryOrderSagaWorkflow() : ParkingOrderSaga(SagaMistakes.RetriesUnderANewKey)
{
    [WorkflowRun]
    public Task<OrderSagaResult> RunAsync(OrderDetails order) => RunSagaAsync(order);
}

[Workflow("OrderSaga")]
public sealed class SilentSkipOrderSagaWorkflow() : ParkingOrderSaga(SagaMistakes.ForgetsSkippedUndo)
{
    [WorkflowRun]
    public Task<OrderSagaResult> RunAsync(OrderDetails order) => RunSagaAsync(order);
}
