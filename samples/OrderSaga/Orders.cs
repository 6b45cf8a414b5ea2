using System.Collections.Generic;

namespace OrderSaga;

/// <summary>One line of an order.</summary>
public sealed record OrderLine(string ProductId, int Quantity);

/// <summary>The saga's input: what the customer ordered and what it costs.</summary>
public sealed record OrderDetails(string OrderId, string CustomerId, IReadOnlyList<OrderLine> Lines, decimal Amount);

/// <summary>Stock held for an order until it ships or the order is undone.</summary>
public sealed record Reservation(string ReservationId, string OrderId, IReadOnlyList<OrderLine> Lines);

/// <summary>Proof that the customer was charged.</summary>
public sealed record PaymentReceipt(string PaymentId, string OrderId, decimal Amount);
