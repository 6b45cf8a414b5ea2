using System.Linq;
using System.Text;
using System.Threading.Tasks;
using global::OrderSaga;
using SagaDsl.Testing.History;
using SagaDsl.Testing.Replay;
using Temporalio.Converters;
using Xunit;
using static SagaDsl.Tests.Shared.OrderSagaHistory;

namespace SagaDsl.Runtime.Tests.OrderSaga;

/// <summary>
/// What the generated OrderSaga's <c>Status</c> query answers at points of its histories, read from
/// the replayed workflow as a query served at that point would read it.
/// </summary>
public class OrderSagaStatusTests
{
    [Fact]
    public async Task While_it_charges_the_saga_is_running_the_payment_with_both_undos_pending()
    {
        var status = await StatusAfterAsync(Start().Completes(Reserve, Orders, HeldStock));

        Assert.Equal(SagaPhase.Running, status.Phase);
        Assert.Equal("ProcessPayment", status.CurrentStep);
        Assert.Equal(new[] { "ReserveInventory" }, status.CompletedSteps);
        Assert.Equal(new[] { "ReserveInventory", "ProcessPayment" }, status.PendingCompensations);
        Assert.Empty(status.CompensatedSteps);
    }

    [Fact]
    public async Task A_refund_that_keeps_failing_shows_as_retrying_while_the_saga_compensates()
    {
        var history = Start()
            .Completes(Reserve, Orders, HeldStock)
            .Completes(Pay, Payments, Charge)
            .Fails(Update, Orders, FaultPlan.InjectedFault, "Injected fault in UpdateInventory")
            .PhaseChanged();
        var refund = history.Schedule(Refund, Payments);
        history.Fail(refund, "GatewayDown", "provider unavailable", attempts: 10, nonRetryable: false);

        var status = await StatusAfterAsync(history);

        Assert.Equal(SagaPhase.RetryingCompensation, status.Phase);
        Assert.Null(status.CurrentStep);
        var retrying = Assert.Single(status.RetryingCompensations);
        Assert.Equal(("ProcessPayment", "GatewayDown"), (retrying.Step, retrying.ErrorType));
        Assert.Equal(new[] { "ReserveInventory", "ProcessPayment" }, status.PendingCompensations);
        Assert.Empty(status.FailedCompensations);
    }

    [Fact]
    public async Task A_completed_saga_lists_every_step()
    {
        var status = await StatusAfterAsync(Completed());

        Assert.Equal(SagaPhase.Completed, status.Phase);
        Assert.Equal(new[] { "ReserveInventory", "ProcessPayment", "UpdateInventory", "NotifyCustomer" }, status.CompletedSteps);
        Assert.Empty(status.PendingCompensations);
    }

    [Fact]
    public async Task A_declined_card_leaves_a_compensated_saga_with_the_reservation_released()
    {
        var status = await StatusAfterAsync(PaymentDeclined());

        Assert.Equal(SagaPhase.Compensated, status.Phase);
        Assert.Equal(new[] { "ReserveInventory" }, status.CompensatedSteps);
        Assert.Empty(status.PendingCompensations);
    }

    [Fact]
    public async Task A_refused_refund_an_operator_skipped_is_listed_as_failed_with_the_reason()
    {
        var history = Start()
            .Completes(Reserve, Orders, HeldStock)
            .Completes(Pay, Payments, Charge)
            .Fails(Update, Orders, FaultPlan.InjectedFault, "Injected fault in UpdateInventory")
            .PhaseChanged()
            .Fails(Refund, Payments, "RefundRefused", "payment already settled")
            .PhaseChanged();
        var skip = history.UpdateAccepted("Skip", "skip-1", "ProcessPayment", "settled with the customer");
        history.UpdateCompleted(skip).PhaseChanged().Completes(Release, Orders).PhaseChanged().EndsFailed();

        var status = await StatusAfterAsync(history);

        Assert.Equal(SagaPhase.CompensationFailed, status.Phase);
        var failed = Assert.Single(status.FailedCompensations);
        Assert.Equal(("RefundRefused", "settled with the customer"), (failed.ErrorType, failed.SkippedBecause));
        Assert.Equal(new[] { "ReserveInventory" }, status.CompensatedSteps);
        Assert.Empty(status.WaitingForOperator);
    }

    [Fact]
    public async Task The_phase_search_attribute_ends_as_the_saga_ended()
    {
        var compensated = await SagaReplayer.ReplayAsync(OrderSagaWorkflow.Definition, PaymentDeclined().Build());
        var completed = await SagaReplayer.ReplayAsync(OrderSagaWorkflow.Definition, Completed().Build());

        Assert.Equal("Compensated", compensated.SearchAttributes["SagaPhase"]);
        Assert.Equal("Completed", completed.SearchAttributes["SagaPhase"]);
        Assert.All(new[] { compensated, completed }, replay => Assert.Null(replay.ReplayFailure));
    }

    [Fact]
    public async Task A_history_without_the_compensating_phase_fails_replay()
    {
        var history = Start()
            .Completes(Reserve, Orders, HeldStock)
            .Fails(Pay, Payments, PaymentGateway.Declined, "Card declined")
            .Completes(Release, Orders)
            .PhaseChanged()
            .EndsFailed();

        var replay = await SagaReplayer.ReplayAsync(OrderSagaWorkflow.Definition, history.Build());

        Assert.NotNull(replay.ReplayFailure);
    }

    [Fact]
    public async Task The_status_reaches_a_client_as_json_with_the_phase_by_name()
    {
        var status = await StatusAfterAsync(PaymentDeclined());
        var converter = DataConverter.Default.PayloadConverter;

        var payload = converter.ToPayload(status);
        var read = (SagaStatus)converter.ToValue(payload, typeof(SagaStatus))!;

        Assert.Contains("\"Phase\":\"Compensated\"", Encoding.UTF8.GetString(payload.Data.ToByteArray()), System.StringComparison.Ordinal);
        Assert.Equal(status.Phase, read.Phase);
        Assert.Equal(status.CompensatedSteps, read.CompensatedSteps);
    }

    private static async Task<SagaStatus> StatusAfterAsync(WorkflowHistoryBuilder history)
    {
        var replay = await SagaReplayer.ReplayAsync(OrderSagaWorkflow.Definition, history.Build());
        Assert.Null(replay.ReplayFailure);
        return Assert.IsType<SagaStatus>(replay.Status);
    }
}
