using System.Linq;
using System.Threading.Tasks;
using global::OrderSaga;
using SagaDsl.Testing.Replay;
using Temporalio.Exceptions;
using Xunit;
using static SagaDsl.Tests.Shared.OrderSagaHistory;

namespace SagaDsl.Runtime.Tests.OrderSaga;

/// <summary>The OrderSaga's two-hour deadline, replayed by the SDK core through the histories a server writes for it.</summary>
public class OrderSagaDeadlineTests
{
    [Fact]
    public async Task A_deadline_passing_during_the_payment_cancels_it_and_the_saga_compensates_because_of_it()
    {
        var history = Start().Completes(Reserve, Orders, HeldStock);
        var payment = history.Schedule(Pay, Payments);
        history.TimerFired()
            .ActivityCancelRequested(payment)
            .Cancelled(payment)
            .PhaseChanged()
            .Completes(Refund, Payments)
            .Completes(Release, Orders)
            .PhaseChanged()
            .EndsFailed();

        var replay = await SagaReplayer.ReplayAsync(OrderSagaWorkflow.Definition, history.Build());

        Assert.Null(replay.ReplayFailure);
        Assert.Equal(new[] { Reserve, Pay, Refund, Release }, replay.Calls.Select(call => call.Activity));
        var failure = Assert.IsType<ApplicationFailureException>(replay.Failure);
        Assert.Equal(SagaFailureTypes.Compensated, failure.ErrorType);
        Assert.Equal(SagaFailureTypes.DeadlinePassed, Assert.IsType<ApplicationFailureException>(failure.InnerException).ErrorType);
        var status = replay.Status!;
        Assert.Equal(SagaPhase.Compensated, status.Phase);
        Assert.True(status.DeadlinePassed);
        Assert.Equal(new[] { "ReserveInventory" }, status.CompletedSteps);
        Assert.Equal(new[] { "ProcessPayment", "ReserveInventory" }, status.CompensatedSteps);
        Assert.Empty(status.PendingCompensations);
    }

    [Fact]
    public async Task A_deadline_passing_once_the_pivot_runs_is_reported_and_the_order_completes()
    {
        var history = Start()
            .Completes(Reserve, Orders, HeldStock)
            .Completes(Pay, Payments, Charge);
        var commit = history.Schedule(Update, Orders);
        history.TimerFired()
            .Complete(commit, null)
            .Completes(Notify, Orders)
            .PhaseChanged()
            .EndsCompleted(null);

        var replay = await SagaReplayer.ReplayAsync(OrderSagaWorkflow.Definition, history.Build());

        Assert.Null(replay.ReplayFailure);
        Assert.IsType<OrderSagaResult>(replay.Result);
        Assert.Equal(SagaPhase.Completed, replay.Status!.Phase);
        Assert.True(replay.Status.DeadlinePassed);
    }

    [Fact]
    public async Task A_history_without_the_deadline_timer_fails_replay()
    {
        var history = new Testing.History.WorkflowHistoryBuilder("OrderSaga", WorkflowId, Orders, RunId, Order)
            .UpsertedSearchAttributes()
            .Completes(Reserve, Orders, HeldStock);

        var replay = await SagaReplayer.ReplayAsync(OrderSagaWorkflow.Definition, history.Build());

        Assert.NotNull(replay.ReplayFailure);
    }
}
