using System.Collections.Generic;
using System.Linq;
using Temporalio.Exceptions;

namespace OrderSaga;

/// <summary>
/// A payment provider in memory that, like a real one, deduplicates charges and refunds by
/// idempotency key: a retried charge returns the first receipt and moves no money again.
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

    /// <summary>Charges the order's amount, once per idempotency key.</summary>
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
            if (!chargesByKey.TryGetValue(idempotencyKey, out var receipt))
            {
                receipt = new PaymentReceipt("P-" + order.OrderId, order.OrderId, order.Amount);
                chargesByKey.Add(idempotencyKey, receipt);
            }

            return receipt;
        }
    }

    /// <summary>Refunds a charge, once per idempotency key.</summary>
    /// <param name="receipt">The charge.</param>
    /// <param name="idempotencyKey">The compensation's key.</param>
    public void Refund(PaymentReceipt receipt, string idempotencyKey)
    {
        lock (gate)
        {
            refundsByKey.TryAdd(idempotencyKey, receipt.PaymentId);
        }
    }
}
