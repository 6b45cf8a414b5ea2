using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using OrderSaga;
using SagaDsl.Testing.Scenarios;
using Temporalio.Common;
using Temporalio.Worker;

namespace SagaDsl.Benchmarks.Figures;

/// <summary>
/// The generated OrderSaga workflow against the hand-written one: the history each produces in every
/// scenario, and the time to replay many histories (target 4 of issue 7).
/// </summary>
internal static class WorkflowCost
{
    private const int Runs = 5;

    public static async Task<List<Figure>> MeasureAsync(int histories)
    {
        var order = new OrderDetails("order-1", "customer-1", new[] { new OrderLine("book", 2) }, 250m);
        var saga = SagaScenario.For(OrderSagaWorkflow.Definition)
            .WithInput(order)
            .Step(nameof(OrderSaga.OrderSaga.ReserveInventory)).Returns(new Reservation("R-1", "order-1", order.Lines))
            .Step(nameof(OrderSaga.OrderSaga.ProcessPayment)).Returns(new PaymentReceipt("P-1", "order-1", 250m));
        var scenarios = saga.EveryScenario();

        // Both workflows must replay every scenario's history exactly: then they send the same
        // commands, and a server records the same events for them.
        var (generated, handWritten) = await HandWrittenTwin.ReplayBothAsync(scenarios, typeof(HandWrittenOrderSagaWorkflow));

        var ours = generated.Sum(result => result.History.Events.Count);
        var baseline = handWritten.Sum(result => result.History.Events.Count);
        var equal = generated.Zip(handWritten).Count(pair => pair.First.History.Events.Count == pair.Second.History.Events.Count);
        var figures = new List<Figure>
        {
            Figure.AtMost($"history events, {equal} of {scenarios.Count} scenarios equal (each replayed exactly by both)", $"{ours} events", $"{baseline} events hand-written", (double)ours / baseline, 1.00),
        };

        var many = Enumerable.Range(0, histories)
            .Select(i => scenarios[i % scenarios.Count].WithWorkflowId($"order-{i}", $"run-{i}"))
            .ToList();
        var manyHistories = (await many.RunAllAsync()).Select(result => result.History).ToList();
        var (generatedTime, handWrittenTime) = await ReplayBothAsync(manyHistories);
        figures.Add(Figure.AtMost($"replay {histories} histories, generated / hand-written", Figure.Milliseconds(generatedTime), Figure.Milliseconds(handWrittenTime) + " hand-written", generatedTime / handWrittenTime, 1.05));
        return figures;
    }

    /// <summary>Both workflows, runs interleaved so that warm-up and machine noise fall on both alike; the median of each.</summary>
    private static async Task<(TimeSpan Generated, TimeSpan HandWritten)> ReplayBothAsync(IReadOnlyList<WorkflowHistory> histories)
    {
        var times = await Measure.InterleavedAsync(
            Runs,
            () => ReplayAsync(typeof(OrderSagaWorkflow), histories),
            () => ReplayAsync(typeof(HandWrittenOrderSagaWorkflow), histories));
        return (times[0], times[1]);
    }

    private static async Task ReplayAsync(Type workflow, IReadOnlyList<WorkflowHistory> histories)
    {
        var options = new WorkflowReplayerOptions { TaskQueue = OrderSagaWorkflow.TaskQueue }.AddWorkflow(workflow);
        await new WorkflowReplayer(options).ReplayWorkflowsAsync(histories, throwOnReplayFailure: true);
    }
}
