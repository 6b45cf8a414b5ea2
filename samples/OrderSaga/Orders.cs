using System.Collections.Generic;
using SagaDsl;

namespace OrderSaga;

/// <summary>One line of an order.</summary>
public sealed record OrderLine(string ProductId, int Quantity);

/// <summary>The saga's input: what the customer ordered and what it costs. Sagas are searchable by order, customer and amount.</summary>
public sealed record OrderDetails(
    [property: SearchAttribute] string OrderId,
    [property: SearchAttribute] string CustomerId,
    IReadOnlyList<OrderLine> Lines,
    [property: SearchAttribute("OrderAmount")] decimal Amount);

/// <summary>Stock held for an order until it ships or the order is undone.</summary>
public sealed record Reservation(string ReservationId, string OrderId, IReadOnlyList<OrderLine> Lines);

/// <summary>Proof that the customer was charged.</summary>
public sealed record PaymentReceipt(string PaymentId, string OrderId, decimal Amount);
