using System.Threading.Tasks;
using global::OrderSaga;
using SagaDsl.Runtime.Tests.Sagas;
using SagaDsl.Testing.Exploration;
using Xunit;
using Xunit.Abstractions;

namespace SagaDsl.Runtime.Tests.Exploration;

/// <summary>
/// Every saga the generator writes for the sample and the tests, explored within the default bounds
/// (one cancel, two faults per path): no path leaves an effect that is neither kept, undone nor
/// reported, and none is stuck, nondeterministic or loses a payload.
/// </summary>
public class GeneratedSagaExplorationTests(ITestOutputHelper output)
{
    private static readonly OrderDetails Order = new("order-1", "customer-42", new[] { new OrderLine("book", 2), new OrderLine("pen", 5) }, 250m);

    [Fact]
    public Task The_order_saga_keeps_its_promise_in_the_default_world() => ExploreAsync(
        SagaExplorer.For(OrderSagaWorkflow.Definition)
            .WithInput(Order)
            .Returning(nameof(global::OrderSaga.OrderSaga.ReserveInventory), new Reservation("R-order-1", "order-1", Order.Lines))
            .Returning(nameof(global::OrderSaga.OrderSaga.ProcessPayment), new PaymentReceipt("P-order-1", "order-1", 250m)),
        "Cancelled");

    [Fact]
    public Task The_order_saga_keeps_its_promise_against_the_samples_own_services() => ExploreAsync(
        SagaExplorer.For(OrderSagaWorkflow.Definition)
            .WithInput(Order)
            .WithWorld(() => OrderSagaWorld.Create(Order)),
        "Cancelled");

    [Fact]
    public Task The_trip_saga_undoes_its_bookings_all_at_once_on_every_path() => ExploreAsync(
        SagaExplorer.For(TripSagaWorkflow.Definition)
            .WithInput(new Trip("t1"))
            .Returning(nameof(TripSaga.BookFlight), new Flight("LH-t1"))
            .Returning(nameof(TripSaga.BookHotel), new Hotel("Ritz")),
        "Failed: SagaCompensated");

    [Fact]
    public Task The_transfer_saga_reports_a_hold_it_cannot_release_and_never_undoes_a_posting() => ExploreAsync(
        SagaExplorer.For(TransferSagaWorkflow.Definition)
            .WithInput(new Transfer("x1", 10m))
            .Returning(nameof(TransferSaga.PlaceHold), new Hold("H-x1"))
            .Returning(nameof(TransferSaga.Post), new Posting("P-x1"))
            .Returning(nameof(TransferSaga.Archive), "archived"),
        "Failed: SagaOutcomeUncertain");

    [Fact]
    public Task The_shipment_saga_without_compensations_ends_on_every_path() => ExploreAsync(
        SagaExplorer.For(ShipmentSagaWorkflow.Definition)
            .WithInput(new Parcel("p1"))
            .Returning(nameof(ShipmentSaga.PrintLabel), "label-p1-1"),
        "Completed");

    [Fact]
    public Task The_copy_saga_ends_on_every_path() => ExploreAsync(
        SagaExplorer.For(CopySagaWorkflow.Definition)
            .WithInput(new Batch("b1", 5))
            .Returning(nameof(CopySaga.CopyFiles), new CopyReport(5, 0, "key", 1)),
        "Completed");

    private async Task ExploreAsync(SagaExplorer explorer, string expectedOutcome)
    {
        var report = await explorer.ExploreAsync();
        output.WriteLine(report.ToString());

        report.EnsureNoViolations();
        Assert.Contains(expectedOutcome, report.Outcomes.Keys);
        Assert.True(report.Paths > 1, report.Summary);
    }
}
