using System.Linq;
using System.Threading.Tasks;
using global::OrderSaga;
using SagaDsl.Runtime.Tests.Versioning.Sagas;
using SagaDsl.Testing.Replay;
using SagaDsl.Testing.Scenarios;
using SagaDsl.Testing.Versioning;
using SagaDsl.Tests.Shared;
using Xunit;
using Xunit.Abstractions;

namespace SagaDsl.Runtime.Tests.Versioning;

/// <summary>
/// The histories the SDK wrote for every scenario of release 0.1.0's OrderSaga, which no code of ours
/// produced, replayed against the OrderSaga with a fraud check inserted and shape 1 recorded: unversioned,
/// 40 of their 55 replays fail (docs/versioning.md); versioned, every one replays, whole and at every
/// point an execution could be in flight, on the path it began.
/// </summary>
public sealed class ReleaseHistoryVersioningTests(ITestOutputHelper output)
{
    private static readonly string ReleaseHistories = Repository.PathOf("samples", "OrderSaga.Tests", "Histories", "0.1.0");

    private static readonly OrderDetails Order = new("order-1", "customer-42", new[] { new OrderLine("book", 2) }, 250m);

    [Fact]
    public async Task Executions_started_under_0_1_0_finish_on_shape_1_of_the_saga_with_the_fraud_check()
    {
        var report = await SagaHistoryFiles.ReplayAsync(FraudCheckedOrderSagaWorkflow.Definition, ReleaseHistories);
        output.WriteLine(report.ToString());

        report.EnsureAllReplayed();
        Assert.Equal(11, report.Results.Count(static result => !result.InFlight));
        Assert.Equal(55, report.Results.Count);
    }

    [Fact]
    public async Task Every_scenario_of_both_shapes_of_the_order_saga_finishes_on_the_path_it_began()
    {
        var scenario = SagaScenario.For(FraudCheckedOrderSagaWorkflow.Definition)
            .WithInput(Order)
            .Step(nameof(FraudCheckedOrderSaga.ReserveInventory)).Returns(new Reservation("R-order-1", "order-1", Order.Lines))
            .Step(nameof(FraudCheckedOrderSaga.CheckFraud)).Returns(new FraudVerdict(true))
            .Step(nameof(FraudCheckedOrderSaga.ProcessPayment)).Returns(new PaymentReceipt("P-order-1", "order-1", 250m));

        var report = await ShippedShapeReplay.ReplayAsync(FraudCheckedOrderSagaWorkflow.Shapes, scenario);
        output.WriteLine(report.ToString());

        report.EnsureAllVerified();
        Assert.Equal(new[] { 1, 2 }, report.Results.Select(static result => result.Shape).Distinct());
    }
}
