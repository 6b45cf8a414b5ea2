using System.Collections.Generic;
using System.IO;
using SagaDsl.Testing.Exploration.World;

namespace OrderSaga;

/// <summary>The world of the next release for the explorer: the sample's services and the fraud screen, fresh for every path.</summary>
public static class NextReleaseWorld
{
    /// <summary>Creates the services and the saga over them, with no faults planned: the explorer brings its own.</summary>
    /// <param name="order">The order being explored.</param>
    /// <returns>The world.</returns>
    public static SagaWorld Create(OrderDetails order)
    {
        var inventory = new InventoryService(new Dictionary<string, int> { ["book"] = 10, ["pen"] = 100 });
        var fraud = new FraudScreen();
        var payments = new PaymentGateway();
        var notifier = new CustomerNotifier(TextWriter.Null);
        var saga = new OrderSaga(inventory, fraud, payments, notifier, FaultPlan.None);
        return new SagaMethodsWorld(saga, step => step == nameof(OrderSaga.CheckFraud)
            ? fraud.Screened(order.OrderId)
            : OrderEffects.Hold(step, order, inventory, payments, notifier));
    }
}
