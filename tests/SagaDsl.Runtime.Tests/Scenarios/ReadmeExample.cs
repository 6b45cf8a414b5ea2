// The README's example test, compiled and run as is: ReadmeExampleTests checks the README still shows this file.
using System.Linq;
using System.Threading.Tasks;
using OrderSaga;
using SagaDsl.Testing.Exploration;
using SagaDsl.Testing.Scenarios;
using Xunit;
using Saga = OrderSaga.OrderSaga;   // the sample's class shares its namespace's name

namespace ShopTests;

public class OrderSagaTests
{
    private static readonly OrderDetails Order = new("order-1", "customer-1", new[] { new OrderLine("book", 2) }, 250m);

    // The base scenario: the input, and what the steps that return something return.
    private static readonly SagaScenario Scenario = SagaScenario.For(OrderSagaWorkflow.Definition)
        .WithInput(Order)
        .Step(nameof(Saga.ReserveInventory)).Returns(new Reservation("R-1", "order-1", Order.Lines))
        .Step(nameof(Saga.ProcessPayment)).Returns(new PaymentReceipt("P-1", "order-1", 250m));

    [Fact]
    public async Task A_declined_card_releases_the_stock()
    {
        var result = await Scenario.Step(nameof(Saga.ProcessPayment)).Fails("PaymentDeclined").RunAsync();

        result.EnsureVerified();                       // throws with a side-by-side diff if not
        Assert.Equal(SagaOutcome.Compensated, result.Outcome);
        Assert.Equal(new[] { "ReserveInventory", "ProcessPayment", "ReleaseInventory" }, result.Calls.Select(call => call.Method));
        Assert.EndsWith("/OrderSaga.ReserveInventory/compensation", result.Calls[2].IdempotencyKey);
    }

    [Fact]
    public Task Every_failure_point_behaves_as_documented() =>
        Scenario.EveryScenario().VerifyAllAsync();         // success, each step failing, each compensation failing, cancellation during each step

    [Fact]
    public async Task Every_effect_is_kept_undone_or_reported_on_every_path()
    {
        var report = await SagaExplorer.For(OrderSagaWorkflow.Definition)
            .WithInput(Order)
            .Returning(nameof(Saga.ReserveInventory), new Reservation("R-1", "order-1", Order.Lines))
            .Returning(nameof(Saga.ProcessPayment), new PaymentReceipt("P-1", "order-1", 250m))
            .ExploreAsync();                               // every failure, cancel and late answer: 1 cancel, 2 faults per path

        report.EnsureNoViolations();                       // throws with the shortest counterexample of each broken promise
    }
}
