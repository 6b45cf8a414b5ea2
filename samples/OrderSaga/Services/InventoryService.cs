using System;
using System.Collections.Generic;
using System.Linq;
using Temporalio.Exceptions;

namespace OrderSaga;

/// <summary>
/// Stock in memory. Every operation is keyed by the step's idempotency key, so a retried activity
/// finds its earlier effect instead of reserving or releasing twice, and a release finds the
/// reservation by that key. It keeps the <see cref="ServiceContract"/>: a released key is retired.
/// </summary>
public sealed class InventoryService
{
    /// <summary>The error type when stock is short.</summary>
    public const string OutOfStock = "OutOfStock";

    private readonly object gate = new();
    private readonly Dictionary<string, int> available;
    private readonly Dictionary<string, Reservation> reservationsByKey = new();
    private readonly HashSet<string> retiredKeys = new();
    private readonly HashSet<string> released = new();
    private readonly HashSet<string> committed = new();

    /// <summary>Initializes a new instance of the <see cref="InventoryService"/> class.</summary>
    /// <param name="stock">Units available per product.</param>
    public InventoryService(IDictionary<string, int> stock) => available = new Dictionary<string, int>(stock);

    /// <summary>Gets the units available of a product.</summary>
    /// <param name="productId">The product.</param>
    /// <returns>The units not reserved.</returns>
    public int Available(string productId)
    {
        lock (gate)
        {
            return available.TryGetValue(productId, out var units) ? units : 0;
        }
    }

    /// <summary>Gets the reservations neither released nor committed.</summary>
    public int OpenReservations
    {
        get
        {
            lock (gate)
            {
                return reservationsByKey.Values.Count(reservation => !released.Contains(reservation.ReservationId) && !committed.Contains(reservation.ReservationId));
            }
        }
    }

    /// <summary>Gets whether the order's stock is held or shipped: reserved and not released.</summary>
    /// <param name="orderId">The order.</param>
    /// <returns>Whether its reservation stands.</returns>
    public bool Holds(string orderId)
    {
        lock (gate)
        {
            return reservationsByKey.Values.Any(reservation => reservation.OrderId == orderId && !released.Contains(reservation.ReservationId));
        }
    }

    /// <summary>Gets whether the order's stock left the warehouse.</summary>
    /// <param name="orderId">The order.</param>
    /// <returns>Whether its reservation was committed.</returns>
    public bool Shipped(string orderId)
    {
        lock (gate)
        {
            return reservationsByKey.Values.Any(reservation => reservation.OrderId == orderId && committed.Contains(reservation.ReservationId));
        }
    }

    /// <summary>Holds the order's stock, once per idempotency key; a retired key is refused.</summary>
    /// <param name="order">The order.</param>
    /// <param name="idempotencyKey">The step's key.</param>
    /// <returns>The reservation.</returns>
    public Reservation Reserve(OrderDetails order, string idempotencyKey)
    {
        lock (gate)
        {
            if (retiredKeys.Contains(idempotencyKey))
            {
                throw ServiceContract.Retired("Reservation", idempotencyKey);
            }

            if (reservationsByKey.TryGetValue(idempotencyKey, out var earlier))
            {
                return earlier;
            }

            var shortLine = order.Lines.FirstOrDefault(line => Available(line.ProductId) < line.Quantity);
            if (shortLine is not null)
            {
                throw new ApplicationFailureException($"Only {Available(shortLine.ProductId)} of {shortLine.ProductId} left", OutOfStock, nonRetryable: true);
            }

            foreach (var line in order.Lines)
            {
                available[line.ProductId] -= line.Quantity;
            }

            var reservation = new Reservation("R-" + order.OrderId, order.OrderId, order.Lines);
            reservationsByKey.Add(idempotencyKey, reservation);
            return reservation;
        }
    }

    /// <summary>
    /// Gives back the stock reserved with <paramref name="reservationKey"/>, once, and retires that
    /// key: a reservation that arrives later with it is refused, so none is left held.
    /// </summary>
    /// <param name="reservationKey">The key the reservation was made with.</param>
    /// <param name="idempotencyKey">The compensation's key.</param>
    public void Release(string reservationKey, string idempotencyKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(idempotencyKey);
        lock (gate)
        {
            retiredKeys.Add(reservationKey);
            if (!reservationsByKey.TryGetValue(reservationKey, out var reservation) || !released.Add(reservation.ReservationId))
            {
                return;
            }

            foreach (var line in reservation.Lines)
            {
                available[line.ProductId] += line.Quantity;
            }
        }
    }

    /// <summary>Makes the reservation final: the stock leaves the warehouse.</summary>
    /// <param name="reservation">The reservation.</param>
    /// <param name="idempotencyKey">The step's key.</param>
    public void Commit(Reservation reservation, string idempotencyKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(idempotencyKey);
        lock (gate)
        {
            committed.Add(reservation.ReservationId);
        }
    }
}
