using System.Collections.Generic;
using System.IO;
using SagaDsl.Testing.Exploration.World;

namespace OrderSaga;

/// <summary>
/// The world the OrderSaga acts on, for the explorer: the sample's own services, fresh for every
/// path, reached through the saga's own methods. The explorer judges the order by what the services
/// hold at the end: stock held or shipped, money charged, a message sent.
/// </summary>
public static class OrderSagaWorld
{
    /// <summary>Creates the services and the saga over them, with no faults planned: the explorer brings its own.</summary>
    /// <param name="order">The order being explored.</param>
    /// <returns>The world.</returns>
    public static SagaWorld Create(OrderDetails order)
    {
        var inventory = new InventoryService(new Dictionary<string, int> { ["book"] = 10, ["pen"] = 100 });
        var payments = new PaymentGateway();
        var notifier = new CustomerNotifier(TextWriter.Null);
        var saga = new OrderSaga(inventory, payments, notifier, FaultPlan.None);
        return new SagaMethodsWorld(saga, step => OrderEffects.Hold(step, order, inventory, payments, notifier));
    }
}
