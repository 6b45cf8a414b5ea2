using System.Linq;
using System.Threading.Tasks;
using global::OrderSaga;
using SagaDsl.Testing.History;
using SagaDsl.Testing.Replay;
using Temporalio.Exceptions;
using Xunit;
using static SagaDsl.Tests.Shared.OrderSagaHistory;

namespace SagaDsl.Runtime.Tests.OrderSaga;

/// <summary>
/// A refund the gateway refuses for good parks the generated OrderSaga until an operator's <c>Retry</c>
/// or <c>Skip</c> update, and the older release waits with it, so compensations stay newest first.
/// Replayed by the real SDK core: an update applied differently, or a saga that goes on without the
/// decision, fails replay.
/// </summary>
public class OrderSagaParkingTests
{
    private const string RefundRefused = "RefundRefused";

    [Fact]
    public async Task A_refused_refund_waits_for_an_operator_and_holds_the_release_back()
    {
        var replay = await ReplayAsync(Parked());

        Assert.Null(replay.Failure);
        Assert.Null(replay.Result);
        Assert.Equal(new[] { Reserve, Pay, Update, Refund }, replay.Calls.Select(call => call.Activity));
        var status = Assert.IsType<SagaStatus>(replay.Status);
        Assert.Equal(SagaPhase.WaitingForOperator, status.Phase);
        var parked = Assert.Single(status.WaitingForOperator);
        Assert.Equal(("ProcessPayment", Refund, RefundRefused), (parked.Step, parked.Activity, parked.ErrorType));
        Assert.Equal(replay.Calls.Single(call => call.Activity == Refund).IdempotencyKey, parked.IdempotencyKey);
        Assert.Empty(status.CompensatedSteps);
        Assert.Equal(new[] { "ReserveInventory", "ProcessPayment" }, status.PendingCompensations);
    }

    [Fact]
    public async Task A_retry_runs_the_refund_again_with_its_key_then_the_release_and_the_saga_ends_compensated()
    {
        var history = Parked();
        var retry = history.UpdateAccepted("Retry", "retry-1", "ProcessPayment");
        history.UpdateCompleted(retry).PhaseChanged()
            .Completes(Refund, Payments)
            .Completes(Release, Orders)
            .PhaseChanged()
            .EndsFailed();

        var replay = await ReplayAsync(history);

        var refunds = replay.Calls.Where(call => call.Activity == Refund).ToList();
        Assert.Equal(2, refunds.Count);
        Assert.Equal(refunds[0].IdempotencyKey, refunds[1].IdempotencyKey);
        var failure = Assert.IsType<ApplicationFailureException>(replay.Failure);
        Assert.Equal(SagaFailureTypes.Compensated, failure.ErrorType);
        var status = Assert.IsType<SagaStatus>(replay.Status);
        Assert.Equal(new[] { "ProcessPayment", "ReserveInventory" }, status.CompensatedSteps);
        Assert.Equal(new[] { Reserve, Pay, Update, Refund, Refund, Release }, replay.Calls.Select(call => call.Activity));
        Assert.Empty(status.WaitingForOperator);
        Assert.Equal("Compensated", replay.SearchAttributes["SagaPhase"]);
    }

    [Fact]
    public async Task A_skip_releases_the_stock_and_ends_the_saga_with_the_refund_left_undone_and_the_operators_reason()
    {
        var history = Parked();
        var skip = history.UpdateAccepted("Skip", "skip-1", "ProcessPayment", "refunded by hand, ticket 4711");
        history.UpdateCompleted(skip).PhaseChanged()
            .Completes(Release, Orders)
            .PhaseChanged()
            .EndsFailed();

        var replay = await ReplayAsync(history);

        Assert.Equal(new[] { Reserve, Pay, Update, Refund, Release }, replay.Calls.Select(call => call.Activity));
        var failure = Assert.IsType<ApplicationFailureException>(replay.Failure);
        Assert.Equal(SagaFailureTypes.CompensationFailed, failure.ErrorType);
        Assert.Contains("refunded by hand, ticket 4711", failure.Message, System.StringComparison.Ordinal);
        var skipped = Assert.Single(Assert.IsType<StepFailure[]>(failure.Details.ElementAt<object?>(0)!));
        Assert.Equal(("ProcessPayment", RefundRefused, "refunded by hand, ticket 4711"), (skipped.Step, skipped.ErrorType, skipped.SkippedBecause));
        Assert.Equal("CompensationFailed", replay.SearchAttributes["SagaPhase"]);
    }

    [Fact]
    public async Task A_cancel_while_parked_changes_nothing_and_the_saga_still_waits()
    {
        var history = Parked().CancelRequested();

        var replay = await ReplayAsync(history);

        Assert.Null(replay.Failure);
        Assert.Equal(SagaPhase.WaitingForOperator, Assert.IsType<SagaStatus>(replay.Status).Phase);
        Assert.Equal(4, replay.Calls.Count);
    }

    [Fact]
    public async Task Decisions_about_what_is_not_parked_or_a_skip_without_a_reason_fail_and_change_nothing()
    {
        var history = Parked();
        var wrongStep = history.UpdateAccepted("Retry", "retry-1", "ReserveInventory");
        history.UpdateFailed(wrongStep, "Saga OrderSaga: it waits for a decision about ProcessPayment, not about ReserveInventory.");
        var noReason = history.UpdateAccepted("Skip", "skip-1", "ProcessPayment", " ");
        history.UpdateFailed(noReason, "Saga OrderSaga: skipping ProcessPayment needs a reason, which the saga records.");

        var replay = await ReplayAsync(history);

        Assert.Equal(new[] { Reserve, Pay, Update, Refund }, replay.Calls.Select(call => call.Activity));
        var status = Assert.IsType<SagaStatus>(replay.Status);
        Assert.Equal(SagaPhase.WaitingForOperator, status.Phase);
        Assert.Equal("ProcessPayment", Assert.Single(status.WaitingForOperator).Step);
    }

    [Fact]
    public async Task A_history_that_releases_the_stock_before_the_operator_decides_fails_replay()
    {
        var history = RefundFailsForGood().PhaseChanged().Completes(Release, Orders).PhaseChanged().EndsFailed();

        var replay = await SagaReplayer.ReplayAsync(OrderSagaWorkflow.Definition, history.Build());

        Assert.NotNull(replay.ReplayFailure);
    }

    [Fact]
    public async Task A_retry_recorded_without_the_refund_it_schedules_fails_replay()
    {
        var history = Parked();
        var retry = history.UpdateAccepted("Retry", "retry-1", "ProcessPayment");
        history.UpdateCompleted(retry).PhaseChanged().EndsFailed();

        var replay = await SagaReplayer.ReplayAsync(OrderSagaWorkflow.Definition, history.Build());

        Assert.NotNull(replay.ReplayFailure);
    }

    /// <summary>The pivot fails and the refund is refused for good.</summary>
    private static WorkflowHistoryBuilder RefundFailsForGood() => Start()
        .Completes(Reserve, Orders, HeldStock)
        .Completes(Pay, Payments, Charge)
        .Fails(Update, Orders, FaultPlan.InjectedFault, "Injected fault in UpdateInventory")
        .PhaseChanged()
        .Fails(Refund, Payments, RefundRefused, "payment already settled");

    /// <summary>The refused refund is parked in the task of its answer: the phase changes, and the saga waits, the release not yet run.</summary>
    private static WorkflowHistoryBuilder Parked() => RefundFailsForGood().PhaseChanged();

    private static async Task<ReplayedRun> ReplayAsync(WorkflowHistoryBuilder history)
    {
        var replay = await SagaReplayer.ReplayAsync(OrderSagaWorkflow.Definition, history.Build());
        Assert.Null(replay.ReplayFailure);
        return replay;
    }
}
