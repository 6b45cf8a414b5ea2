using System.Threading.Tasks;

namespace SagaDsl.Runtime.Tests.Versioning.Sagas;

/// <summary>A consignment; the customer was a search attribute until shape 3.</summary>
public sealed record Consignment(string Id)
{
    [SearchAttribute(Removed = true)]
    public string Customer { get; init; } = "";
}

/// <summary>
/// A saga whose search attributes changed over three shapes: shape 1 kept its phase in SagaPhase,
/// shape 2 in ShipmentPhase, shape 3 keeps none and no longer sets the customer. Shape 3 also no longer
/// undoes the packing: a parcel packed for nothing is unpacked by the warehouse's own sweep.
/// </summary>
[Saga(TaskQueue = "shipments")]
public static partial class Shipment
{
    [SagaStep(1), CompensatedBy(nameof(Unpack), Removed = true)]
    public static Task Pack(Consignment consignment) => Task.CompletedTask;

    public static Task Unpack(Consignment consignment) => Task.CompletedTask;

    [SagaStep(2, Pivot = true)]
    public static Task Send(Consignment consignment) => Task.CompletedTask;
}
