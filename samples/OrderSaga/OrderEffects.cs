namespace OrderSaga;

/// <summary>What each step of the order saga leaves in the sample's services when its effect holds: the explorer's ledger reads it.</summary>
public static class OrderEffects
{
    /// <summary>Tells whether a step's effect is in the services now.</summary>
    /// <param name="step">The step's method name.</param>
    /// <param name="order">The order.</param>
    /// <param name="inventory">The stock service.</param>
    /// <param name="payments">The payment provider.</param>
    /// <param name="notifier">The customer notifier.</param>
    /// <returns>Whether the step's effect holds; <c>false</c> for a step this saga does not have.</returns>
    public static bool Hold(string step, OrderDetails order, InventoryService inventory, PaymentGateway payments, CustomerNotifier notifier) => step switch
    {
        nameof(OrderSaga.ReserveInventory) => inventory.Holds(order.OrderId),
        nameof(OrderSaga.ProcessPayment) => payments.Holds(order.OrderId),
        nameof(OrderSaga.UpdateInventory) => inventory.Shipped(order.OrderId),
        nameof(OrderSaga.NotifyCustomer) => notifier.Sent.Count > 0,
        _ => false,
    };
}
