using System;
using System.IO;
using System.Threading.Tasks;
using SagaDsl.Testing.Exploration;
using SagaDsl.Testing.Replay;
using SagaDsl.Testing.Scenarios;
using SagaDsl.Testing.Versioning;

namespace OrderSaga;

/// <summary>
/// Whether the next release is safe to deploy while release 0.1.0's executions run, offline: the
/// histories the SDK wrote for 0.1.0 and every scenario of both shapes replay on the path each began,
/// and new executions, which take shape 2, keep the saga's promise on every explored path.
/// </summary>
internal static class Program
{
    private static readonly OrderDetails Order = new("order-1", "customer-42", new[] { new OrderLine("book", 2), new OrderLine("pen", 5) }, 250m);

    private static async Task<int> Main()
    {
        // Written by `dotnet run --project samples/OrderSaga -- --export-histories` on release 0.1.0, copied beside the program.
        var released = await SagaHistoryFiles.ReplayAsync(OrderSagaWorkflow.Definition, Path.Combine(AppContext.BaseDirectory, "Histories", "0.1.0"));
        Console.WriteLine("Histories of release 0.1.0 (shape 1), whole and at every point an execution could be in flight:");
        Console.WriteLine(released);

        var scenario = SagaScenario.For(OrderSagaWorkflow.Definition)
            .WithInput(Order)
            .Step(nameof(OrderSaga.ReserveInventory)).Returns(new Reservation("R-" + Order.OrderId, Order.OrderId, Order.Lines))
            .Step(nameof(OrderSaga.ProcessPayment)).Returns(new PaymentReceipt("P-" + Order.OrderId, Order.OrderId, Order.Amount));
        var shapes = await ShippedShapeReplay.ReplayAsync(OrderSagaWorkflow.Shapes, scenario);
        Console.WriteLine("Every scenario of both shapes, in the history its executions write:");
        Console.WriteLine(shapes);

        var explored = await SagaExplorer.For(OrderSagaWorkflow.Definition)
            .WithInput(Order)
            .WithWorld(() => NextReleaseWorld.Create(Order))
            .ExploreAsync();
        Console.WriteLine("New executions (shape 2), every path explored:");
        Console.WriteLine(explored);

        var safe = released.Failures.Count == 0 && shapes.Failures.Count == 0 && shapes.InFlightFailures.Count == 0 && explored.Passed;
        Console.WriteLine(safe ? "The next release is safe to deploy beside release 0.1.0's executions." : "The next release is NOT safe to deploy.");
        return safe ? 0 : 1;
    }
}
