using System.Threading.Tasks;

namespace SagaDsl.Runtime.Tests.Versioning.Sagas;

public sealed record Purchase([property: SearchAttribute("PurchaseId")] string Id, decimal Amount);

public sealed record Hold(string Id);

public sealed record Verdict(bool Clear);

public sealed record Charge(string Id);

/// <summary>
/// A saga that shipped three shapes (SagaShapes.Shipped.txt beside it): shape 1 without the fraud
/// check, shape 2 with it and a critical notification, shape 3 (as declared) compensating in parallel,
/// with a deadline, a search attribute and a notification that may fail.
/// </summary>
[Saga(TaskQueue = "purchases", ParallelCompensation = true, Deadline = "01:00:00")]
public static partial class FraudCheckedOrder
{
    [SagaStep(1), CompensatedBy(nameof(ReleaseHold))]
    public static Task<Hold> PlaceHold(Purchase purchase) => Task.FromResult(new Hold("H-" + purchase.Id));

    public static Task ReleaseHold(Purchase purchase) => Task.CompletedTask;

    [SagaStep(2)]
    public static Task<Verdict> CheckFraud(Purchase purchase) => Task.FromResult(new Verdict(true));

    [SagaStep(3), CompensatedBy(nameof(Refund))]
    public static Task<Charge> ChargeCard(Purchase purchase) => Task.FromResult(new Charge("C-" + purchase.Id));

    public static Task Refund(Purchase purchase) => Task.CompletedTask;

    [SagaStep(4, Pivot = true)]
    public static Task Ship(Purchase purchase, Hold hold) => Task.CompletedTask;

    [SagaStep(5, Critical = false)]
    public static Task Notify(Purchase purchase) => Task.CompletedTask;
}
