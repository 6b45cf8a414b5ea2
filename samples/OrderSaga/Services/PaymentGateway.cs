using System.Collections.Generic;
using System.Linq;
using Temporalio.Exceptions;

namespace OrderSaga;

/// <summary>
/// A payment provider in memory that, like a real one, deduplicates charges and refunds by
/// idempotency key: a retried charge returns the first receipt and moves no money again, and a refund
/// finds the charge by the key it was made with. It keeps the <see cref="ServiceContract"/>: a
/// refunded key is retired, and a charge that arrives later with it is refused.
/// </summary>
public sealed class PaymentGateway
{
    /// <summary>The error type of a declined card.</summary>
    public const string Declined = "PaymentDeclined";

    /// <summary>Charges above this amount are declined.</summary>
    public const decimal Limit = 1000m;

    private readonly object gate = new();
    private readonly Dictionary<string, PaymentReceipt> chargesByKey = new();
    private readonly Dictionary<string, string> refundsByKey = new();
    private readonly HashSet<string> retiredKeys = new();

    /// <summary>Gets how many charges were made.</summary>
    public int Charges
    {
        get
        {
            lock (gate)
            {
                return chargesByKey.Count;
            }
        }
    }

    /// <summary>Gets how many refunds were made.</summary>
    public int Refunds
    {
        get
        {
            lock (gate)
            {
                return refundsByKey.Count;
            }
        }
    }

    /// <summary>Gets the money charged and not refunded.</summary>
    public decimal Balance
    {
        get
        {
            lock (gate)
            {
                var refunded = refundsByKey.Values.ToHashSet();
                return chargesByKey.Values.Where(receipt => !refunded.Contains(receipt.PaymentId)).Sum(receipt => receipt.Amount);
            }
        }
    }

    /// <summary>Gets whether the order was charged and not refunded.</summary>
    /// <param name="orderId">The order.</param>
    /// <returns>Whether money for it is held.</returns>
    public bool Holds(string orderId)
    {
        lock (gate)
        {
            var refunded = refundsByKey.Values.ToHashSet();
            return chargesByKey.Values.Any(receipt => receipt.OrderId == orderId && !refunded.Contains(receipt.PaymentId));
        }
    }

    /// <summary>Charges the order's amount, once per idempotency key; a retired key is refused.</summary>
    /// <param name="order">The order.</param>
    /// <param name="idempotencyKey">The step's key.</param>
    /// <returns>The receipt.</returns>
    public PaymentReceipt Charge(OrderDetails order, string idempotencyKey)
    {
        if (order.Amount > Limit)
        {
            throw new ApplicationFailureException($"Card declined: {order.Amount} is over the {Limit} limit", Declined, nonRetryable: true);
        }

        lock (gate)
        {
            if (retiredKeys.Contains(idempotencyKey))
            {
                throw ServiceContract.Retired("Charge", idempotencyKey);
            }

            if (!chargesByKey.TryGetValue(idempotencyKey, out var receipt))
            {
                receipt = new PaymentReceipt("P-" + order.OrderId, order.OrderId, order.Amount);
                chargesByKey.Add(idempotencyKey, receipt);
            }

            return receipt;
        }
    }

    /// <summary>Refunds the charge made with <paramref name="chargeKey"/>, once, and retires that key.</summary>
    /// <param name="chargeKey">The key the charge was made with.</param>
    /// <param name="idempotencyKey">The compensation's key.</param>
    public void Refund(string chargeKey, string idempotencyKey)
    {
        lock (gate)
        {
            retiredKeys.Add(chargeKey);
            if (chargesByKey.TryGetValue(chargeKey, out var receipt))
            {
                refundsByKey.TryAdd(idempotencyKey, receipt.PaymentId);
            }
        }
    }
}
