using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using global::OrderSaga;
using SagaDsl.Testing.History;
using SagaDsl.Testing.Replay;
using Temporalio.Exceptions;
using Xunit;
using static SagaDsl.Tests.Shared.OrderSagaHistory;

namespace SagaDsl.Runtime.Tests.OrderSaga;

/// <summary>
/// The generated OrderSaga workflow replayed by the real SDK core against the history a correct
/// saga produces for each failure point: a different command (activity, order, count) fails replay.
/// </summary>
public class OrderSagaReplayTests
{
    [Fact]
    public async Task Happy_path_runs_every_step_once_and_returns_their_results()
    {
        var history = Completed();

        var replay = await SagaReplayer.ReplayAsync(OrderSagaWorkflow.Definition, history.Build());

        Assert.Null(replay.ReplayFailure);
        Assert.Equal(new[] { Reserve, Pay, Update, Notify }, replay.Calls.Select(call => call.Activity));
        var result = Assert.IsType<OrderSagaResult>(replay.Result);
        Assert.Equal(HeldStock.ReservationId, result.ReserveInventory.ReservationId);
        Assert.Equal(Charge.PaymentId, result.ProcessPayment.PaymentId);
        Assert.Empty(result.NonCriticalFailures);
    }

    [Fact]
    public async Task Steps_receive_their_bound_arguments_and_stable_idempotency_keys()
    {
        var history = Completed();

        var calls = (await SagaReplayer.ReplayAsync(OrderSagaWorkflow.Definition, history.Build())).Calls;

        AssertArguments(calls[0], Order, Reserve);
        AssertArguments(calls[1], Order, Pay);
        AssertArguments(calls[2], HeldStock, Update);
        AssertArguments(calls[3], Order, Notify);
        Assert.Equal(4, calls.Select(call => call.IdempotencyKey).Distinct().Count());
        Assert.Equal("payments", calls[1].TaskQueue);
    }

    [Fact]
    public async Task Saga_is_searchable_by_order_customer_and_amount_from_its_first_task()
    {
        var history = Start()
            .Fails(Reserve, Orders, InventoryService.OutOfStock, "Only 1 of book left")
            .PhaseChanged()
            .EndsFailed();

        var replay = await SagaReplayer.ReplayAsync(OrderSagaWorkflow.Definition, history.Build());

        Assert.Null(replay.ReplayFailure);
        Assert.Equal("order-1", replay.SearchAttributes["OrderId"]);
        Assert.Equal("customer-1", replay.SearchAttributes["CustomerId"]);
        Assert.Equal(250d, replay.SearchAttributes["OrderAmount"]);
    }

    [Fact]
    public async Task A_history_without_the_search_attribute_upsert_fails_replay()
    {
        var history = new WorkflowHistoryBuilder("OrderSaga", WorkflowId, Orders, RunId, Order)
            .TimerStarted(Deadline)
            .Fails(Reserve, Orders, InventoryService.OutOfStock, "Only 1 of book left")
            .EndsFailed();

        var replay = await SagaReplayer.ReplayAsync(OrderSagaWorkflow.Definition, history.Build());

        Assert.NotNull(replay.ReplayFailure);
    }

    [Fact]
    public async Task Failed_reservation_compensates_nothing_and_fails_as_compensated()
    {
        var history = Start()
            .Fails(Reserve, Orders, InventoryService.OutOfStock, "Only 1 of book left")
            .PhaseChanged()
            .EndsFailed();

        var replay = await SagaReplayer.ReplayAsync(OrderSagaWorkflow.Definition, history.Build());

        Assert.Null(replay.ReplayFailure);
        Assert.Equal(new[] { Reserve }, replay.Calls.Select(call => call.Activity));
        AssertCompensatedAfter(replay, InventoryService.OutOfStock);
    }

    [Fact]
    public async Task Payment_failure_releases_inventory_and_ends_compensated()
    {
        var history = PaymentDeclined();

        var replay = await SagaReplayer.ReplayAsync(OrderSagaWorkflow.Definition, history.Build());

        Assert.Null(replay.ReplayFailure);
        Assert.Equal(new[] { Reserve, Pay, Release }, replay.Calls.Select(call => call.Activity));
        var release = replay.Calls[2];
        AssertKeyOnly(release, IdempotencyKey.ForCompensation(replay.Calls[0].IdempotencyKey));
        Assert.True(release.Detached, "a compensation must not be cancelled with the workflow");
        AssertCompensatedAfter(replay, PaymentGateway.Declined);
    }

    [Fact]
    public async Task Compensated_failure_reaches_the_server_with_the_step_failure_as_its_cause()
    {
        var history = PaymentDeclined();
        var replay = await SagaReplayer.ReplayAsync(OrderSagaWorkflow.Definition, history.Build());
        var converter = Temporalio.Converters.DataConverter.Default;

        var wire = converter.FailureConverter.ToFailure(replay.Failure!, converter.PayloadConverter);

        Assert.Equal(SagaFailureTypes.Compensated, wire.ApplicationFailureInfo.Type);
        Assert.True(wire.ApplicationFailureInfo.NonRetryable);
        Assert.Equal(new[] { "ReserveInventory" }, (string[]?)converter.PayloadConverter.ToValue(wire.ApplicationFailureInfo.Details.Payloads_[0], typeof(string[])));
        Assert.Equal(Pay, wire.Cause.ActivityFailureInfo.ActivityType.Name);
        Assert.Equal(PaymentGateway.Declined, wire.Cause.Cause.ApplicationFailureInfo.Type);
    }

    [Fact]
    public async Task Pivot_failure_refunds_then_releases_in_reverse_order()
    {
        var history = PivotFailed();

        var replay = await SagaReplayer.ReplayAsync(OrderSagaWorkflow.Definition, history.Build());

        Assert.Null(replay.ReplayFailure);
        Assert.Equal(new[] { Reserve, Pay, Update, Refund, Release }, replay.Calls.Select(call => call.Activity));
        Assert.True(replay.Calls[4].HistoryLength > replay.Calls[3].HistoryLength, "the release waits for the refund");
        AssertKeyOnly(replay.Calls[3], IdempotencyKey.ForCompensation(replay.Calls[1].IdempotencyKey));
        Assert.Equal("payments", replay.Calls[3].TaskQueue);
        AssertCompensatedAfter(replay, FaultPlan.InjectedFault);
    }

    [Fact]
    public async Task Failed_notification_after_the_pivot_is_recorded_and_the_saga_completes()
    {
        var history = Start()
            .Completes(Reserve, Orders, HeldStock)
            .Completes(Pay, Payments, Charge)
            .Completes(Update, Orders)
            .Fails(Notify, Orders, "SmtpUnavailable", "mail server down")
            .PhaseChanged()
            .EndsCompleted(null);

        var replay = await SagaReplayer.ReplayAsync(OrderSagaWorkflow.Definition, history.Build());

        Assert.Null(replay.ReplayFailure);
        Assert.Equal(new[] { Reserve, Pay, Update, Notify }, replay.Calls.Select(call => call.Activity));
        var warning = Assert.Single(Assert.IsType<OrderSagaResult>(replay.Result).NonCriticalFailures);
        Assert.Equal(new StepFailure("NotifyCustomer", Notify, "SmtpUnavailable", "mail server down"), warning);
    }

    [Fact]
    public async Task Failed_refund_holds_the_release_until_a_skip_and_the_saga_fails_listing_the_refund()
    {
        var history = Start()
            .Completes(Reserve, Orders, HeldStock)
            .Completes(Pay, Payments, Charge)
            .Fails(Update, Orders, FaultPlan.InjectedFault, "Injected fault in UpdateInventory")
            .PhaseChanged()
            .Fails(Refund, Payments, "GatewayDown", "payment provider unavailable")
            .PhaseChanged();
        var skip = history.UpdateAccepted("Skip", "skip-1", "ProcessPayment", "refunded by hand");
        history.UpdateCompleted(skip).PhaseChanged().Completes(Release, Orders).PhaseChanged().EndsFailed();

        var replay = await SagaReplayer.ReplayAsync(OrderSagaWorkflow.Definition, history.Build());

        Assert.Null(replay.ReplayFailure);
        Assert.Equal(new[] { Reserve, Pay, Update, Refund, Release }, replay.Calls.Select(call => call.Activity));
        var failure = Assert.IsType<ApplicationFailureException>(replay.Failure);
        Assert.Equal(SagaFailureTypes.CompensationFailed, failure.ErrorType);
        Assert.Contains("ProcessPayment", failure.Message, System.StringComparison.Ordinal);
        var failed = Assert.Single(Assert.IsType<StepFailure[]>(failure.Details.ElementAt<object?>(0)!));
        var refundKey = replay.Calls.Single(call => call.Activity == Refund).IdempotencyKey;
        Assert.Equal(new StepFailure("ProcessPayment", Refund, "GatewayDown", "payment provider unavailable", refundKey, "refunded by hand"), failed);
    }

    [Fact]
    public async Task Cancellation_during_payment_waits_for_its_answer_then_refunds_by_key_and_releases()
    {
        var builder = Start().Completes(Reserve, Orders, HeldStock);
        var payment = builder.Schedule(Pay, Payments);
        var history = builder
            .CancelRequested()
            .ActivityCancelRequested(payment)
            .Cancelled(payment)
            .PhaseChanged()
            .Completes(Refund, Payments)
            .Completes(Release, Orders)
            .PhaseChanged()
            .EndsCancelled();

        var replay = await SagaReplayer.ReplayAsync(OrderSagaWorkflow.Definition, history.Build());

        // A payment cancelled while it could retry may have charged on an earlier attempt: it is refunded by key.
        Assert.Null(replay.ReplayFailure);
        Assert.Equal(new[] { Reserve, Pay, Refund, Release }, replay.Calls.Select(call => call.Activity));
        Assert.True(TemporalException.IsCanceledException(replay.Failure!));
    }

    [Fact]
    public async Task A_workflow_that_compensates_before_the_cancelled_payment_answers_fails_replay()
    {
        var builder = Start().Completes(Reserve, Orders, HeldStock);
        var payment = builder.Schedule(Pay, Payments);
        builder.CancelRequested().ActivityCancelRequested(payment);
        var history = builder
            .Completes(Release, Orders)
            .EndsCancelled();

        var replay = await SagaReplayer.ReplayAsync(OrderSagaWorkflow.Definition, history.Build());

        Assert.NotNull(replay.ReplayFailure);
    }

    [Fact]
    public async Task Compensations_in_the_wrong_order_fail_replay()
    {
        var history = Start()
            .Completes(Reserve, Orders, HeldStock)
            .Completes(Pay, Payments, Charge)
            .Fails(Update, Orders, FaultPlan.InjectedFault, "Injected fault in UpdateInventory")
            .PhaseChanged()
            .Completes(Release, Orders)
            .Completes(Refund, Payments)
            .PhaseChanged()
            .EndsFailed();

        var replay = await SagaReplayer.ReplayAsync(OrderSagaWorkflow.Definition, history.Build());

        Assert.NotNull(replay.ReplayFailure);
        Assert.Contains("Nondeterminism", replay.ReplayFailure.ToString(), System.StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_missing_compensation_fails_replay()
    {
        var history = Start()
            .Completes(Reserve, Orders, HeldStock)
            .Fails(Pay, Payments, PaymentGateway.Declined, "Card declined")
            .PhaseChanged()
            .EndsFailed();

        var replay = await SagaReplayer.ReplayAsync(OrderSagaWorkflow.Definition, history.Build());

        Assert.NotNull(replay.ReplayFailure);
    }

    private static void AssertCompensatedAfter(ReplayedRun replay, string stepErrorType)
    {
        var failure = Assert.IsType<ApplicationFailureException>(replay.Failure);
        Assert.Equal(SagaFailureTypes.Compensated, failure.ErrorType);
        Assert.True(failure.NonRetryable);
        var activity = Assert.IsType<ActivityFailureException>(failure.InnerException);
        Assert.Equal(stepErrorType, Assert.IsType<ApplicationFailureException>(activity.InnerException).ErrorType);
    }

    /// <summary>Compares the argument as JSON: records holding lists compare by reference otherwise.</summary>
    private static void AssertArguments(SagaCall call, object? argument, string stepActivity)
    {
        Assert.Equal(JsonSerializer.Serialize(argument), JsonSerializer.Serialize(Assert.Single(call.Arguments)));
        Assert.True(IdempotencyKey.IsStepKey(call.IdempotencyKey, WorkflowId, stepActivity), call.IdempotencyKey);
    }

    /// <summary>A compensation that undoes by key receives the key and no data.</summary>
    private static void AssertKeyOnly(SagaCall call, string key)
    {
        Assert.Empty(call.Arguments);
        Assert.Equal(key, call.IdempotencyKey);
    }
}
