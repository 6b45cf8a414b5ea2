using System.Threading.Tasks;

namespace SagaDsl.Runtime.Tests.Sagas;

public sealed record Trip(string Id);

public sealed record Flight(string Code);

public sealed record Hotel(string Name);

/// <summary>Bookings that do not depend on each other, so they are undone all at once.</summary>
[Saga(TaskQueue = "travel", ParallelCompensation = true)]
public static partial class TripSaga
{
    [SagaStep(1), CompensatedBy(nameof(CancelFlight))]
    public static Task<Flight> BookFlight(Trip trip) => Task.FromResult(new Flight("LH-" + trip.Id));

    public static Task CancelFlight(Flight flight) => Task.CompletedTask;

    [SagaStep(2), CompensatedBy(nameof(CancelHotel))]
    public static Task<Hotel> BookHotel(Trip trip) => Task.FromResult(new Hotel("Ritz"));

    public static Task CancelHotel(Hotel hotel) => Task.CompletedTask;

    [SagaStep(3)]
    public static Task RentCar(Trip trip) => Task.CompletedTask;
}
