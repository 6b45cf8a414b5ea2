using System;
using System.Linq;
using System.Threading.Tasks;
using SagaDsl.Runtime;
using SagaDsl.Testing.History;
using SagaDsl.Testing.Replay;

namespace OrderSaga;

/// <summary>
/// What an operator's <c>Status</c> query shows for a saga stuck undoing a charge: the history of a
/// saga whose refund keeps failing, replayed offline, and the status read at its end.
/// </summary>
internal static class OfflineStatus
{
    public static async Task<int> RunAsync()
    {
        var history = PivotFailed();
        var refund = history.Schedule("OrderSaga.RefundPayment", "payments");
        history.Fail(refund, "GatewayDown", "payment provider unavailable", attempts: 10, nonRetryable: false);

        var replay = await SagaReplayer.ReplayAsync(OrderSagaWorkflow.Definition, history.Build());
        if (replay.ReplayFailure is not null || replay.Status is not { } status)
        {
            Console.WriteLine($"Status: the replay failed: {replay.ReplayFailure?.Message}");
            return 1;
        }

        Console.WriteLine("Status query of a saga whose refund keeps failing (offline replay; its 10 attempts used up, the refund runs again):");
        Print(status);
        return status is { Phase: SagaPhase.RetryingCompensation, RetryingCompensations.Count: 1 } ? 0 : 1;
    }

    /// <summary>The sample order's history up to its failed pivot, in the task that starts compensating.</summary>
    public static WorkflowHistoryBuilder PivotFailed()
    {
        var order = OfflineVerification.Order;
        return new WorkflowHistoryBuilder(OrderSagaWorkflow.WorkflowType, order.OrderId, OrderSagaWorkflow.TaskQueue, "run-1", order)
            .UpsertedSearchAttributes()
            .TimerStarted(OrderSagaWorkflow.Definition.Deadline!.Value)
            .Completes("OrderSaga.ReserveInventory", "orders", new Reservation("R-" + order.OrderId, order.OrderId, order.Lines))
            .Completes("OrderSaga.ProcessPayment", "payments", new PaymentReceipt("P-" + order.OrderId, order.OrderId, order.Amount))
            .Fails("OrderSaga.UpdateInventory", "orders", FaultPlan.InjectedFault, "ledger locked")
            .UpsertedSearchAttributes();
    }

    public static void Print(SagaStatus status)
    {
        Console.WriteLine($"  phase: {status.Phase}, current step: {status.CurrentStep ?? "none"}");
        Console.WriteLine($"  completed: {List(status.CompletedSteps)}; undone: {List(status.CompensatedSteps)}; to undo: {List(status.PendingCompensations)}");
        foreach (var retrying in status.RetryingCompensations)
        {
            Console.WriteLine($"  retrying the undo of {retrying.Step} ({retrying.Activity}): {retrying.ErrorType}: {retrying.Message}");
        }

        foreach (var parked in status.WaitingForOperator)
        {
            Console.WriteLine($"  waiting for an operator to retry or skip {parked.Step} ({parked.Activity}, key {parked.IdempotencyKey}): {parked.ErrorType}: {parked.Message}");
        }

        foreach (var failed in status.FailedCompensations.Concat(status.Owed))
        {
            var skipped = failed.SkippedBecause is { } reason ? $", skipped by an operator: {reason}" : string.Empty;
            Console.WriteLine($"  left to repair: {failed.Step} ({failed.Activity}): {failed.ErrorType}: {failed.Message}{skipped}");
        }
    }

    private static string List(System.Collections.Generic.IReadOnlyList<string> steps) => steps.Count == 0 ? "none" : string.Join(", ", steps);
}
