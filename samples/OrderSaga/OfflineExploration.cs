using System;
using System.Threading.Tasks;
using SagaDsl.Testing.Exploration;

namespace OrderSaga;

/// <summary>
/// The sample's exploration: every path of the OrderSaga within the bounds (every step and
/// compensation completing, refused, failing or timing out before or after its effect, answering a
/// cancel late, a cancel at every point), driven through the Temporal SDK with the sample's own
/// services as the world. Needs no server.
/// </summary>
internal static class OfflineExploration
{
    public static async Task<int> RunAsync()
    {
        var order = OfflineVerification.Order;
        var report = await SagaExplorer.For(OrderSagaWorkflow.Definition)
            .WithInput(order)
            .WithWorld(() => OrderSagaWorld.Create(order))
            .ExploreAsync();

        Console.WriteLine(report);
        return report.Passed ? 0 : 1;
    }
}
