using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using global::OrderSaga;
using SagaDsl.Runtime;
using Temporalio.Exceptions;
using Temporalio.Workflows;
using static SagaDsl.Testing.Tests.Exploration.OrderActivities;
using static SagaDsl.Tests.Shared.OrderSagaHistory;

namespace SagaDsl.Testing.Tests.Exploration;

/// <summary>
/// The OrderSaga workflow SagaDsl generated before the explorer existed, copied by hand: steps on
/// the default TryCancel, a compensation pushed only after its step succeeded, the pivot inside the
/// compensating block and on the workflow's token. Every scenario the kit derived verified against it.
/// </summary>
[Workflow("OrderSaga")]
public sealed class PreviousOrderSagaWorkflow
{
    [WorkflowRun]
    public async Task<OrderSagaResult> RunAsync(OrderDetails order)
    {
        // The runtime now parks a refused compensation; this copy offers no update to move it on.
        var progress = new SagaProgress("OrderSaga");
        var compensations = new SagaCompensations(progress, new SagaParking(progress), parallel: false);
        var warnings = new List<StepFailure>();
        Reservation reservation;
        PaymentReceipt receipt;
        try
        {
            var reserveKey = Key(Reserve);
            reservation = await CallAsync<Reservation>(Reserve, Options(3), order, reserveKey);
            var held = reservation;
            compensations.Push("ReserveInventory", Release, IdempotencyKey.ForCompensation(reserveKey), () => CallAsync(Release, Options(10, detached: true), held, IdempotencyKey.ForCompensation(reserveKey)));

            var payKey = Key(Pay);
            receipt = await CallAsync<PaymentReceipt>(Pay, Options(3, "payments", nonRetryable: new[] { PaymentGateway.Declined }), order, payKey);
            var charged = receipt;
            compensations.Push("ProcessPayment", Refund, IdempotencyKey.ForCompensation(payKey), () => CallAsync(Refund, Options(10, "payments", detached: true), charged, IdempotencyKey.ForCompensation(payKey)));

            await CallAsync(Update, Options(3), reservation, Key(Update));
        }
        catch (Exception failure) when (SagaFailures.ShouldCompensate(failure))
        {
            throw await compensations.CompensateAsync(failure);
        }

        try
        {
            await CallAsync(Notify, Options(3, detached: true), order, Key(Notify));
        }
        catch (ActivityFailureException failure) when (!TemporalException.IsCanceledException(failure))
        {
            SagaFailures.RecordNonCritical("OrderSaga", "NotifyCustomer", Notify, failure, warnings);
        }

        return Result(reservation, receipt, warnings);
    }
}
