using System.Threading.Tasks;
using global::OrderSaga;

namespace SagaDsl.Runtime.Tests.Versioning.Sagas;

public sealed record FraudVerdict(bool Clear);

/// <summary>
/// The sample's OrderSaga (release 0.1.0, shape 1 of workflow type OrderSaga) with a fraud check inserted
/// before the payment, recorded as shape 2: the change docs/versioning.md walks through. Its bodies do
/// nothing; replay never runs an activity.
/// </summary>
[Saga(Name = "OrderSaga", TaskQueue = "orders", StartToCloseTimeout = "00:00:30", InitialInterval = "00:00:01", Deadline = "02:00:00", PhaseSearchAttribute = "SagaPhase")]
[SagaTaskQueue("payments", MaxConcurrentActivities = 2)]
public static partial class FraudCheckedOrderSaga
{
    [SagaStep(1), CompensatedBy(nameof(ReleaseInventory))]
    public static Task<Reservation> ReserveInventory(OrderDetails order, StepContext context) => Task.FromResult(new Reservation("R-" + order.OrderId, order.OrderId, order.Lines));

    public static Task ReleaseInventory(StepContext context) => Task.CompletedTask;

    [SagaStep(2)]
    public static Task<FraudVerdict> CheckFraud(OrderDetails order, StepContext context) => Task.FromResult(new FraudVerdict(true));

    [SagaStep(3, TaskQueue = "payments", NonRetryableErrorTypes = new[] { PaymentGateway.Declined })]
    [CompensatedBy(nameof(RefundPayment), TaskQueue = "payments")]
    public static Task<PaymentReceipt> ProcessPayment(OrderDetails order, StepContext context) => Task.FromResult(new PaymentReceipt("P-" + order.OrderId, order.OrderId, order.Amount));

    public static Task RefundPayment(StepContext context) => Task.CompletedTask;

    [SagaStep(4, Pivot = true)]
    public static Task UpdateInventory(Reservation reservation, StepContext context) => Task.CompletedTask;

    [SagaStep(5, Critical = false, MaximumAttempts = 3)]
    public static Task NotifyCustomer(OrderDetails order, StepContext context) => Task.CompletedTask;
}
