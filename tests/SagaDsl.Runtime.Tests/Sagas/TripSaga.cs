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

    /// <summary>Cancels the trip's flight booking, found by the trip: it never needs the booking's answer.</summary>
    public static Task CancelFlight(Trip trip) => Task.CompletedTask;

    [SagaStep(2), CompensatedBy(nameof(CancelHotel))]
    public static Task<Hotel> BookHotel(Trip trip) => Task.FromResult(new Hotel("Ritz"));

    /// <summary>Cancels the trip's hotel booking, found by the trip.</summary>
    public static Task CancelHotel(Trip trip) => Task.CompletedTask;

    [SagaStep(3)]
    public static Task RentCar(Trip trip) => Task.CompletedTask;
}
