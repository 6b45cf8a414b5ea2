using System.Threading.Tasks;

namespace SagaDsl.Runtime.Tests.Versioning.Sagas;

public sealed record Journey(string Id);

public sealed record Seat(string Number);

/// <summary>
/// A saga whose shape 2 (as declared) books before it holds, undoes the hold and the payment it did not
/// undo in shape 1, and moves the point of no return from the payment to a new ticketing step.
/// </summary>
[Saga(TaskQueue = "journeys")]
public static partial class RebookedTrip
{
    [SagaStep(1), CompensatedBy(nameof(CancelBooking))]
    public static Task<Seat> Book(Journey journey) => Task.FromResult(new Seat("12A"));

    public static Task CancelBooking(Journey journey) => Task.CompletedTask;

    [SagaStep(2), CompensatedBy(nameof(ReleaseSeatHold))]
    public static Task HoldSeat(Journey journey) => Task.CompletedTask;

    public static Task ReleaseSeatHold(Journey journey) => Task.CompletedTask;

    [SagaStep(3), CompensatedBy(nameof(RefundFare))]
    public static Task PayFare(Journey journey) => Task.CompletedTask;

    public static Task RefundFare(Journey journey) => Task.CompletedTask;

    [SagaStep(4, Pivot = true)]
    public static Task IssueTicket(Journey journey, Seat seat) => Task.CompletedTask;

    [SagaStep(5, Critical = false)]
    public static Task Email(Journey journey) => Task.CompletedTask;
}
