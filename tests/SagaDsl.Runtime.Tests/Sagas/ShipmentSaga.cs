using System.Threading;
using System.Threading.Tasks;

namespace SagaDsl.Runtime.Tests.Sagas;

public sealed record Parcel(string Id);

/// <summary>Counts the saga objects the container creates.</summary>
public sealed class SagaInstances
{
    private int created;

    public int Created => created;

    public int Next() => Interlocked.Increment(ref created);
}

/// <summary>A saga with a dependency, hosted through dependency injection on two task queues.</summary>
[Saga(TaskQueue = "shipping")]
[SagaTaskQueue("labels", MaxConcurrentActivities = 3)]
public sealed partial class ShipmentSaga(SagaInstances instances)
{
    private readonly int instance = instances.Next();

    [SagaStep(1, TaskQueue = "labels")]
    public Task<string> PrintLabel(Parcel parcel) => Task.FromResult($"label-{parcel.Id}-{instance}");

    [SagaStep(2)]
    public Task Dispatch(Parcel parcel, string label) => Task.CompletedTask;
}
