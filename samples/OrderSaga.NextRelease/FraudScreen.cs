using System.Collections.Generic;
using Temporalio.Exceptions;

namespace OrderSaga;

/// <summary>
/// A fraud screening service in memory: it screens an order once per idempotency key and keeps the
/// screening as an audit record, which nothing undoes. An order it suspects is refused for good.
/// </summary>
public sealed class FraudScreen
{
    /// <summary>The error type of a suspected order; it is not retried.</summary>
    public const string Suspected = "FraudSuspected";

    /// <summary>Orders above this amount from a customer never seen before are suspected.</summary>
    public const decimal FirstOrderLimit = 500m;

    private readonly object gate = new();
    private readonly Dictionary<string, string> screenedByKey = new();

    /// <summary>Screens an order, once per key; a retried call finds the first screening.</summary>
    /// <param name="order">The order.</param>
    /// <param name="idempotencyKey">The step's key.</param>
    /// <exception cref="ApplicationFailureException">The order is suspected (<see cref="Suspected"/>, non-retryable).</exception>
    public void Screen(OrderDetails order, string idempotencyKey)
    {
        lock (gate)
        {
            screenedByKey.TryAdd(idempotencyKey, order.OrderId);
        }

        if (order.Amount > FirstOrderLimit)
        {
            throw new ApplicationFailureException($"Order {order.OrderId} of {order.Amount} is suspected of fraud", Suspected, nonRetryable: true);
        }
    }

    /// <summary>Tells whether an order was screened.</summary>
    /// <param name="orderId">The order.</param>
    /// <returns>Whether a screening of it is on record.</returns>
    public bool Screened(string orderId)
    {
        lock (gate)
        {
            return screenedByKey.ContainsValue(orderId);
        }
    }
}
