using System;
using System.Linq;
using System.Threading.Tasks;
using SagaDsl.Runtime;
using SagaDsl.Testing.Replay;

namespace OrderSaga;

/// <summary>
/// An operator's handle on a stuck saga, offline: the payment service refuses a refund for good, the
/// saga parks it (and holds the release back, so undos stay newest first), and an operator's
/// <c>Retry</c> update runs it again with its key. Both points of the history are replayed through the
/// SDK core and their status printed.
/// </summary>
internal static class OfflineOperator
{
    private const string Refund = "OrderSaga.RefundPayment";

    public static async Task<int> RunAsync()
    {
        var history = OfflineStatus.PivotFailed()
            .Fails(Refund, "payments", "RefundLimitExceeded", "daily refund limit reached")
            .UpsertedSearchAttributes();

        var parked = await SagaReplayer.ReplayAsync(OrderSagaWorkflow.Definition, history.Build());
        if (parked.ReplayFailure is not null || parked.Status is not { Phase: SagaPhase.WaitingForOperator } waiting)
        {
            Console.WriteLine($"Operator: the parked saga did not replay: {parked.ReplayFailure?.Message ?? parked.Status?.Phase.ToString()}");
            return 1;
        }

        Console.WriteLine("Status query of a saga whose refund was refused for good (offline replay):");
        OfflineStatus.Print(waiting);

        var retry = history.UpdateAccepted("Retry", "operator-1", "ProcessPayment");
        history.UpdateCompleted(retry)
            .UpsertedSearchAttributes()
            .Completes(Refund, "payments")
            .Completes("OrderSaga.ReleaseInventory", "orders")
            .UpsertedSearchAttributes()
            .EndsFailed();
        var retried = await SagaReplayer.ReplayAsync(OrderSagaWorkflow.Definition, history.Build());
        var refunds = retried.Calls.Where(call => call.Activity == Refund).Select(call => call.IdempotencyKey).ToList();
        var sameKey = refunds.Count == 2 && refunds[0] == refunds[1];
        Console.WriteLine($"After the operator's Retry update (client.RetryOrderSagaStepAsync(id, \"ProcessPayment\")): the refund ran again with {(sameKey ? "the same key" : "ANOTHER key")}, then the release; phase {retried.Status?.Phase}.");
        return retried.ReplayFailure is null && sameKey && retried.Status is { Phase: SagaPhase.Compensated } ? 0 : 1;
    }
}
