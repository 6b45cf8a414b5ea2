using System.Threading.Tasks;
using SagaDsl;

namespace OrderSaga;

/// <summary>
/// The next release of the sample's e-commerce order saga (samples/OrderSaga is the release running
/// now): reserve stock, screen the order for fraud, take payment, commit the stock (the point of no
/// return), then tell the customer. A failure before the commit undoes what was done, and so does an
/// order that has not reached the commit two hours after it started.
/// </summary>
[Saga(TaskQueue = "orders", StartToCloseTimeout = "00:00:30", InitialInterval = "00:00:01", Deadline = "02:00:00", PhaseSearchAttribute = "SagaPhase")]
[SagaTaskQueue("payments", MaxConcurrentActivities = 2)]
public sealed partial class OrderSaga(InventoryService inventory, FraudScreen fraud, PaymentGateway payments, CustomerNotifier notifier, FaultPlan faults)
{
    /// <summary>Holds the ordered stock.</summary>
    [SagaStep(1), CompensatedBy(nameof(ReleaseInventory))]
    public Task<Reservation> ReserveInventory(OrderDetails order, StepContext context)
    {
        faults.BeforeEffect(nameof(ReserveInventory));
        var reservation = inventory.Reserve(order, context.IdempotencyKey);
        faults.AfterEffect(nameof(ReserveInventory), context.Attempt);
        return Task.FromResult(reservation);
    }

    /// <summary>
    /// Gives held stock back. It finds the reservation by the step's key, so it also undoes a
    /// reservation whose answer was lost (a timeout, a cancel): it never needs the step's result.
    /// </summary>
    public Task ReleaseInventory(StepContext context)
    {
        faults.BeforeEffect(nameof(ReleaseInventory));
        inventory.Release(context.StepKey, context.IdempotencyKey);
        faults.AfterEffect(nameof(ReleaseInventory), context.Attempt);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Screens the order before any money moves: the step this release adds. A suspected order ends the
    /// saga, which gives the stock back. The screening is an audit record, so nothing undoes it.
    /// </summary>
    [SagaStep(2, NonRetryableErrorTypes = new[] { FraudScreen.Suspected })]
    public Task CheckFraud(OrderDetails order, StepContext context)
    {
        faults.BeforeEffect(nameof(CheckFraud));
        fraud.Screen(order, context.IdempotencyKey);
        faults.AfterEffect(nameof(CheckFraud), context.Attempt);
        return Task.CompletedTask;
    }

    /// <summary>Charges the customer; a declined card is final, so it is not retried.</summary>
    [SagaStep(3, TaskQueue = "payments", NonRetryableErrorTypes = new[] { PaymentGateway.Declined })]
    [CompensatedBy(nameof(RefundPayment), TaskQueue = "payments")]
    public Task<PaymentReceipt> ProcessPayment(OrderDetails order, StepContext context)
    {
        faults.BeforeEffect(nameof(ProcessPayment));
        var receipt = payments.Charge(order, context.IdempotencyKey);
        faults.AfterEffect(nameof(ProcessPayment), context.Attempt);
        return Task.FromResult(receipt);
    }

    /// <summary>Pays the customer back, finding the charge by the step's key like <see cref="ReleaseInventory"/>.</summary>
    public Task RefundPayment(StepContext context)
    {
        faults.BeforeEffect(nameof(RefundPayment));
        payments.Refund(context.StepKey, context.IdempotencyKey);
        faults.AfterEffect(nameof(RefundPayment), context.Attempt);
        return Task.CompletedTask;
    }

    /// <summary>Turns the reservation into a stock deduction: the order will ship.</summary>
    [SagaStep(4, Pivot = true)]
    public Task UpdateInventory(Reservation reservation, StepContext context)
    {
        faults.BeforeEffect(nameof(UpdateInventory));
        inventory.Commit(reservation, context.IdempotencyKey);
        faults.AfterEffect(nameof(UpdateInventory), context.Attempt);
        return Task.CompletedTask;
    }

    /// <summary>Tells the customer; a lost e-mail must not undo a paid order.</summary>
    [SagaStep(5, Critical = false, MaximumAttempts = 3)]
    public Task NotifyCustomer(OrderDetails order, StepContext context)
    {
        faults.BeforeEffect(nameof(NotifyCustomer));
        notifier.Send(order.CustomerId, $"Order {order.OrderId} is confirmed.", context.IdempotencyKey);
        faults.AfterEffect(nameof(NotifyCustomer), context.Attempt);
        return Task.CompletedTask;
    }
}
