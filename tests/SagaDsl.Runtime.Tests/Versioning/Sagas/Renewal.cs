using System.Threading.Tasks;

namespace SagaDsl.Runtime.Tests.Versioning.Sagas;

public sealed record Contract(string Id);

/// <summary>
/// A saga whose shape 1 is retired: shape 2 is the only one left, so the workflow deprecates its patch.
/// Executions that recorded the patch while shape 1 still ran, and new ones, replay alike.
/// </summary>
[Saga(TaskQueue = "renewals")]
public static partial class Renewal
{
    [SagaStep(1), CompensatedBy(nameof(Unhold))]
    public static Task Hold(Contract contract) => Task.CompletedTask;

    public static Task Unhold(Contract contract) => Task.CompletedTask;

    [SagaStep(2, Pivot = true)]
    public static Task Renew(Contract contract) => Task.CompletedTask;
}
