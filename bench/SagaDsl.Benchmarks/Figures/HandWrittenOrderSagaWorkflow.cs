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
/// options, keys and outcomes as the generated workflow: the baseline of target 4.
/// </summary>
[Workflow("OrderSaga")]
public sealed class HandWrittenOrderSagaWorkflow
{
    private static readonly RetryPolicy StepRetries = new() { MaximumAttempts = 3, InitialInterval = TimeSpan.FromSeconds(1) };
    private static readonly RetryPolicy UndoRetries = new() { MaximumAttempts = 10, InitialInterval = TimeSpan.FromSeconds(1) };

    [WorkflowRun]
    public async Task<OrderSagaResult> RunAsync(OrderDetails order)
    {
        Workflow.UpsertTypedSearchAttributes(
            OrderSagaWorkflow.SearchAttributes.OrderId.ValueSet(order.OrderId),
            OrderSagaWorkflow.SearchAttributes.CustomerId.ValueSet(order.CustomerId),
            OrderSagaWorkflow.SearchAttributes.Amount.ValueSet((double)order.Amount));

        var key = $"{Workflow.Info.WorkflowId}/{Workflow.Info.FirstExecutionRunId}/OrderSaga.";
        var undo = new List<(string Step, string Activity, Func<Task> Run)>();
        Reservation reservation;
        PaymentReceipt receipt;
        try
        {
            reservation = await Workflow.ExecuteActivityAsync((Activities a) => a.ReserveInventory(order, key + "ReserveInventory"), Options(StepRetries));
            var held = reservation;
            undo.Add(("ReserveInventory", "OrderSaga.ReleaseInventory", () => Workflow.ExecuteActivityAsync((Activities a) => a.ReleaseInventory(held, key + "ReserveInventory/compensation"), Options(UndoRetries, detached: true))));

            receipt = await Workflow.ExecuteActivityAsync((Activities a) => a.ProcessPayment(order, key + "ProcessPayment"), Options(new() { MaximumAttempts = 3, InitialInterval = TimeSpan.FromSeconds(1), NonRetryableErrorTypes = new[] { PaymentGateway.Declined } }, queue: "payments"));
            var paid = receipt;
            undo.Add(("ProcessPayment", "OrderSaga.RefundPayment", () => Workflow.ExecuteActivityAsync((Activities a) => a.RefundPayment(paid, key + "ProcessPayment/compensation"), Options(UndoRetries, queue: "payments", detached: true))));

            await Workflow.ExecuteActivityAsync((Activities a) => a.UpdateInventory(held, key + "UpdateInventory"), Options(StepRetries));
        }
        catch (Exception failure) when (failure is ActivityFailureException || TemporalException.IsCanceledException(failure))
        {
            var failed = new List<StepFailure>();
            var compensated = new List<string>();
            for (var i = undo.Count - 1; i >= 0; i--)
            {
                compensated.Add(undo[i].Step);
                try
                {
                    await undo[i].Run();
                }
                catch (ActivityFailureException undoFailure)
                {
                    failed.Add(StepFailure.From(undo[i].Step, undo[i].Activity, undoFailure));
                }
            }

            if (failed.Count > 0)
            {
                throw new ApplicationFailureException("compensation failed", failure, SagaFailureTypes.CompensationFailed, nonRetryable: true, details: new object[] { failed.ToArray() });
            }

            if (TemporalException.IsCanceledException(failure))
            {
                throw;
            }

            throw new ApplicationFailureException("compensated", failure, SagaFailureTypes.Compensated, nonRetryable: true, details: new object[] { compensated.ToArray() });
        }

        var warnings = new List<StepFailure>();
        try
        {
            await Workflow.ExecuteActivityAsync((Activities a) => a.NotifyCustomer(order, key + "NotifyCustomer"), Options(StepRetries, detached: true));
        }
        catch (ActivityFailureException failure) when (!TemporalException.IsCanceledException(failure))
        {
            warnings.Add(StepFailure.From("NotifyCustomer", "OrderSaga.NotifyCustomer", failure));
        }

        return new OrderSagaResult { ReserveInventory = reservation, ProcessPayment = receipt, NonCriticalFailures = warnings };
    }

    private static ActivityOptions Options(RetryPolicy retries, string? queue = null, bool detached = false) => new()
    {
        StartToCloseTimeout = TimeSpan.FromSeconds(30),
        TaskQueue = queue,
        RetryPolicy = retries,
        CancellationToken = detached ? CancellationToken.None : null,
    };
}
