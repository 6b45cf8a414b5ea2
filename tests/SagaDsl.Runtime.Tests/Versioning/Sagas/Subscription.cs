using System.Threading.Tasks;

namespace SagaDsl.Runtime.Tests.Versioning.Sagas;

public sealed record Plan(string Id);

public sealed record Receipt(string Id);

/// <summary>
/// A saga whose shape 2 (as declared) renamed its charge step (so its activity) from Charge to Bill,
/// dropped the welcome mail and releases the reservation with another compensation: what shape 1 used
/// stays, marked Removed, for the executions of shape 1.
/// </summary>
[Saga(TaskQueue = "subscriptions")]
public static partial class Subscription
{
    [SagaStep(1), CompensatedBy(nameof(ReleaseSeats)), CompensatedBy(nameof(Release), Removed = true)]
    public static Task Reserve(Plan plan) => Task.CompletedTask;

    public static Task Release(Plan plan) => Task.CompletedTask;

    public static Task ReleaseSeats(Plan plan, StepContext context) => Task.CompletedTask;

    [SagaStep(2, Removed = true), CompensatedBy(nameof(Refund))]
    public static Task<Receipt> Charge(Plan plan) => Bill(plan);

    [SagaStep(2), CompensatedBy(nameof(Refund))]
    public static Task<Receipt> Bill(Plan plan) => Task.FromResult(new Receipt("R-" + plan.Id));

    public static Task Refund(Plan plan) => Task.CompletedTask;

    [SagaStep(3, Pivot = true)]
    public static Task Activate(Plan plan) => Task.CompletedTask;

    [SagaStep(4, Removed = true)]
    public static Task Welcome(Plan plan) => Task.CompletedTask;
}
