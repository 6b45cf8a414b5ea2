using System.Threading.Tasks;

namespace SagaDsl.Runtime.Tests.Sagas;

internal sealed record Booking(string Id);

internal sealed record Seat(string Number);

/// <summary>A public saga with internal records, as CA1515 asks: its generated types are internal.</summary>
[Saga]
public sealed partial class InternalRecordsSaga
{
    [SagaStep(1)]
    [CompensatedBy(nameof(ReleaseSeat))]
    internal Task<Seat> HoldSeat(Booking booking) => Task.FromResult(new Seat("12A"));

    [SagaStep(2)]
    internal Task Confirm(Booking booking, Seat seat) => Task.CompletedTask;

    internal Task ReleaseSeat(StepContext context) => Task.CompletedTask;
}
