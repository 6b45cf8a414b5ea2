using System.Threading.Tasks;

namespace SagaDsl.Runtime.Tests.Sagas;

public sealed record ReturnRequest(string ParcelId);

public sealed record Declaration(string ParcelId);

/// <summary>Shares both of <see cref="ShipmentSaga"/>'s queues, and declares a tighter limit on one.</summary>
[Saga(TaskQueue = "shipping")]
[SagaTaskQueue("labels", MaxConcurrentActivities = 2, MaxTaskQueueActivitiesPerSecond = 10)]
public sealed partial class ReturnSaga
{
    [SagaStep(1, TaskQueue = "labels")]
    public Task<string> PrintReturnLabel(ReturnRequest request) => Task.FromResult("return-" + request.ParcelId);

    [SagaStep(2)]
    public Task Collect(ReturnRequest request, string label) => Task.CompletedTask;
}

/// <summary>Runs its workflow on a queue of its own and a step on the queue the other two share.</summary>
[Saga(TaskQueue = "customs")]
public sealed partial class CustomsSaga
{
    [SagaStep(1)]
    public Task File(Declaration declaration) => Task.CompletedTask;

    [SagaStep(2, TaskQueue = "shipping")]
    public Task Release(Declaration declaration) => Task.CompletedTask;
}
