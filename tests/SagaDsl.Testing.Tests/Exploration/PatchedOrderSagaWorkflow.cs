using System.Threading.Tasks;
using global::OrderSaga;
using Temporalio.Workflows;

namespace SagaDsl.Testing.Tests.Exploration;

/// <summary>
/// The OrderSaga after a fix shipped with <c>Workflow.Patched</c>: executions started before the patch
/// keep undoing oldest first, new ones newest first. The explorer starts every path anew, so every path
/// must take the patched, careful branch, in its first task and in every replay after it.
/// </summary>
[Workflow("OrderSaga")]
public sealed class PatchedOrderSagaWorkflow
{
    public const string Patch = "OrderSaga.newest-first";

    [WorkflowRun]
    public Task<OrderSagaResult> RunAsync(OrderDetails order) =>
        Workflow.Patched(Patch)
            ? new CarefulOrderSagaWorkflow().RunSagaAsync(order)
            : new OldestFirstOrderSagaWorkflow().RunSagaAsync(order);
}
