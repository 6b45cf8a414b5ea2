using System.Threading.Tasks;
using SagaDsl;

namespace Synthetic;

[Saga(TaskQueue = "q0", ParallelCompensation = true, Deadline = "02:00:00", PhaseSearchAttribute = "SagaPhase")]
[SagaTaskQueue("payments", MaxConcurrentActivities = 2)]
public sealed partial class Saga0
{
    [SagaStep(1), CompensatedBy(nameof(Release))]
    public Task<Hold> Reserve(Order order, StepContext context) => Task.FromResult(new Hold("H-" + order.Id));
    public Task Release(Hold hold, StepContext context) => Task.CompletedTask;
    [SagaStep(2, TaskQueue = "payments"), CompensatedBy(nameof(Refund))]
    public Task<Charge> Pay(Order order, StepContext context) => Task.FromResult(new Charge(context.IdempotencyKey));
    public Task Refund(Charge charge, StepContext context) => Task.CompletedTask;
    [SagaStep(3, Pivot = true)]
    public Task Commit(Hold hold) => Task.CompletedTask;
    [SagaStep(4)]
    public Task Ship(Order order, Charge charge) => Task.CompletedTask;
    [SagaStep(5, Critical = false)]
    public Task Notify(Order order) => Task.CompletedTask;
}
