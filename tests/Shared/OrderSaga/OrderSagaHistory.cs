using System.Linq;
using global::OrderSaga;
using SagaDsl.Testing.History;
using SagaDsl.Testing.Replay;

namespace SagaDsl.Tests.Shared;

/// <summary>The OrderSaga's fixed input, step results, and the start of each of its histories.</summary>
internal static class OrderSagaHistory
{
    public const string WorkflowId = "order-1";
    public const string RunId = "0b5c3a3e-1f55-4d1c-9d39-1c1f1a5d7e01";
    public const string Orders = "orders";
    public const string Payments = "payments";

    public const string Reserve = "OrderSaga.ReserveInventory";
    public const string Release = "OrderSaga.ReleaseInventory";
    public const string Pay = "OrderSaga.ProcessPayment";
    public const string Refund = "OrderSaga.RefundPayment";
    public const string Update = "OrderSaga.UpdateInventory";
    public const string Notify = "OrderSaga.NotifyCustomer";

    public static readonly OrderDetails Order = new("order-1", "customer-1", new[] { new OrderLine("book", 2) }, 250m);
    public static readonly Reservation HeldStock = new("R-order-1", "order-1", Order.Lines.ToArray());
    public static readonly PaymentReceipt Charge = new("P-order-1", "order-1", 250m);

    /// <summary>The saga's deadline, whose timer starts in its first task.</summary>
    public static readonly System.TimeSpan Deadline = OrderSagaWorkflow.Definition.Deadline!.Value;

    /// <summary>The started workflow, which sets its search attributes and starts its deadline in its first task.</summary>
    public static WorkflowHistoryBuilder Start() => StartOf(RunId);

    /// <summary>The started workflow of a run, as <see cref="Start"/>.</summary>
    public static WorkflowHistoryBuilder StartOf(string runId) =>
        new WorkflowHistoryBuilder("OrderSaga", WorkflowId, Orders, runId, Order).UpsertedSearchAttributes().TimerStarted(Deadline);

    /// <summary>Every step succeeds.</summary>
    public static WorkflowHistoryBuilder Completed() => Start()
        .Completes(Reserve, Orders, HeldStock)
        .Completes(Pay, Payments, Charge)
        .Completes(Update, Orders)
        .Completes(Notify, Orders)
        .PhaseChanged()
        .EndsCompleted(null);

    /// <summary>The card is declined: the reservation is released.</summary>
    public static WorkflowHistoryBuilder PaymentDeclined() => Start()
        .Completes(Reserve, Orders, HeldStock)
        .Fails(Pay, Payments, PaymentGateway.Declined, "Card declined")
        .PhaseChanged()
        .Completes(Release, Orders)
        .PhaseChanged()
        .EndsFailed();

    /// <summary>The pivot fails: the payment is refunded, then the reservation released.</summary>
    public static WorkflowHistoryBuilder PivotFailed() => Start()
        .Completes(Reserve, Orders, HeldStock)
        .Completes(Pay, Payments, Charge)
        .Fails(Update, Orders, FaultPlan.InjectedFault, "Injected fault in UpdateInventory")
        .PhaseChanged()
        .Completes(Refund, Payments)
        .Completes(Release, Orders)
        .PhaseChanged()
        .EndsFailed();

    /// <summary>
    /// The saga's <c>SagaPhase</c> attribute changed: to Compensating in the task that schedules the
    /// first compensation, or to how the saga ended in its last task.
    /// </summary>
    public static WorkflowHistoryBuilder PhaseChanged(this WorkflowHistoryBuilder history) => history.UpsertedSearchAttributes();
}
