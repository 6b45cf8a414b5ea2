using System.Threading.Tasks;

namespace SagaDsl.Runtime.Tests.Sagas;

public sealed record Transfer(string Id, decimal Amount);

public sealed record Hold(string Id);

public sealed record Posting(string Id);

/// <summary>A money transfer: once posted, it can only be finished, never undone.</summary>
[Saga(TaskQueue = "bank")]
public static partial class TransferSaga
{
    [SagaStep(1), CompensatedBy(nameof(ReleaseHold))]
    public static Hold PlaceHold(Transfer transfer) => new("H-" + transfer.Id);

    // The bank releases holds by their id only: a hold whose answer was lost is owed for manual
    // follow-up (SagaOutcomeUncertain), which this saga's tests show.
#pragma warning disable SAGA022
    public static void ReleaseHold(Hold hold)
#pragma warning restore SAGA022
    {
    }

    [SagaStep(2, Pivot = true)]
    public static Posting Post(Transfer transfer, Hold hold) => new("P-" + transfer.Id);

    [SagaStep(3)]
    public static void Reconcile(Posting posting)
    {
    }

    [SagaStep(4, Critical = false)]
    public static string Archive(Posting posting) => "archived";
}
