using System;
using System.Linq;
using System.Threading.Tasks;
using global::OrderSaga;
using SagaDsl.Testing;
using SagaDsl.Testing.History;
using SagaDsl.Testing.Replay;
using SagaDsl.Testing.Scenarios;
using Xunit;
using Xunit.Abstractions;
using History = SagaDsl.Tests.Shared.OrderSagaHistory;

namespace SagaDsl.Runtime.Tests.Scenarios;

/// <summary>The OrderSaga through the scenario kit, as a user would test their own saga.</summary>
public class OrderSagaScenarioTests(ITestOutputHelper output)
{
    private const string Reserve = nameof(global::OrderSaga.OrderSaga.ReserveInventory);
    private const string Pay = nameof(global::OrderSaga.OrderSaga.ProcessPayment);
    private const string Update = nameof(global::OrderSaga.OrderSaga.UpdateInventory);
    private const string Notify = nameof(global::OrderSaga.OrderSaga.NotifyCustomer);

    private static readonly SagaScenario Order = SagaScenario.For(OrderSagaWorkflow.Definition)
        .WithInput(History.Order)
        .Step(Reserve).Returns(History.HeldStock)
        .Step(Pay).Returns(History.Charge);

    [Fact]
    public async Task Every_derived_scenario_is_verified_with_the_documented_outcome()
    {
        var results = await Order.EveryScenario().RunAllAsync();

        foreach (var result in results)
        {
            output.WriteLine(result.Report);
        }

        Assert.All(results, result => Assert.True(result.Verified, result.Report));
        Assert.Equal(
            new[]
            {
                ("every step completes", SagaOutcome.Completed),
                ("ReserveInventory fails", SagaOutcome.Compensated),
                ("ProcessPayment fails", SagaOutcome.Compensated),
                ("UpdateInventory fails", SagaOutcome.Compensated),
                ("NotifyCustomer fails", SagaOutcome.Completed),
                ("UpdateInventory fails, ReleaseInventory fails", SagaOutcome.WaitingForOperator),
                ("UpdateInventory fails, RefundPayment fails", SagaOutcome.WaitingForOperator),
                ("cancelled during ReserveInventory", SagaOutcome.Cancelled),
                ("cancelled during ProcessPayment", SagaOutcome.Cancelled),
                ("cancelled during UpdateInventory", SagaOutcome.Completed),
                ("cancelled during NotifyCustomer", SagaOutcome.Completed),
            },
            results.Select(result => (result.Name, result.Outcome)));
    }

    [Fact]
    public async Task A_declined_card_releases_the_reservation_by_its_key()
    {
        var result = (await Order.Step(Pay).Fails(PaymentGateway.Declined, "Card declined").RunAsync()).EnsureVerified();

        Assert.Equal("ProcessPayment fails with PaymentDeclined", result.Name);
        Assert.Equal(new[] { Reserve, Pay, "ReleaseInventory (undo ReserveInventory)" }, result.Calls.Select(call => call.Label));
        var release = result.Calls[2];
        Assert.Equal(SagaCallKind.Compensation, release.Kind);
        Assert.Equal(History.Order.OrderId, Assert.IsType<OrderDetails>(result.Calls[0].Arguments.Single()).OrderId);
        Assert.Empty(release.Arguments);
        Assert.Equal(IdempotencyKey.ForCompensation(result.Calls[0].IdempotencyKey), release.IdempotencyKey);
        Assert.Equal(SagaFailureTypes.Compensated, result.FailureType);
        Assert.Equal(new[] { Reserve }, result.CompensatedSteps);
    }

    [Fact]
    public async Task Keys_follow_the_workflow_id_given_and_differ_for_another_run()
    {
        var result = await Order.WithWorkflowId("order-9", "run-9").RunAsync();
        var otherRun = await Order.WithWorkflowId("order-9", "run-10").RunAsync();

        Assert.True(result.Verified, result.Report);
        Assert.All(result.Calls, call => Assert.True(IdempotencyKey.IsStepKey(call.IdempotencyKey, "order-9", call.Activity), call.IdempotencyKey));
        Assert.All(result.Calls.Zip(otherRun.Calls), pair => Assert.NotEqual(pair.First.IdempotencyKey, pair.Second.IdempotencyKey));
        Assert.Equal(History.Order.OrderId, result.SearchAttributes["OrderId"]);
    }

    [Fact]
    public async Task A_payment_that_times_out_every_attempt_is_compensated_with_the_timeout_as_cause()
    {
        var result = (await Order.Step(Pay).TimesOut().RunAsync()).EnsureVerified();

        Assert.Equal(SagaOutcome.Compensated, result.Outcome);
        var cause = Assert.IsType<Temporalio.Exceptions.ActivityFailureException>(result.Failure!.InnerException);
        Assert.IsType<Temporalio.Exceptions.TimeoutFailureException>(cause.InnerException);
    }

    [Fact]
    public async Task A_refund_the_gateway_refuses_waits_for_an_operator_and_holds_the_release_back()
    {
        var result = (await Order.Step(Update).Fails("LedgerLocked")
            .Compensation(Pay).Fails("RefundRefused", "payment already settled")
            .RunAsync()).EnsureVerified();

        Assert.Equal(SagaOutcome.WaitingForOperator, result.Outcome);
        Assert.Null(result.Failure);
        Assert.Equal("RefundPayment (undo ProcessPayment)", result.Calls[^1].Label);
        var parked = Assert.Single(result.WaitingForOperator);
        var refundKey = result.Calls.Single(call => call.Activity == "OrderSaga.RefundPayment").IdempotencyKey;
        Assert.Equal(new StepFailure(Pay, "OrderSaga.RefundPayment", "RefundRefused", "payment already settled", refundKey), parked);
        Assert.Empty(result.CompensationFailures);
    }

    [Fact]
    public async Task A_refund_failing_every_attempt_runs_again_with_its_key_until_it_has_an_answer()
    {
        var result = (await Order.Step(Update).Fails("LedgerLocked")
            .Compensation(Pay).Fails("GatewayDown", "provider unavailable", retryable: true)
            .RunAsync()).EnsureVerified();

        Assert.Equal(SagaOutcome.Compensated, result.Outcome);
        var refunds = result.Calls.Where(call => call.Activity == "OrderSaga.RefundPayment").ToList();
        Assert.Equal(2, refunds.Count);
        Assert.Equal(refunds[0].IdempotencyKey, refunds[1].IdempotencyKey);
        Assert.Equal("ReleaseInventory (undo ReserveInventory)", result.Calls[^1].Label);
        Assert.Empty(result.CompensationFailures);
    }

    [Fact]
    public async Task A_notification_timeout_is_recorded_and_the_order_completes()
    {
        var result = (await Order.Step(Notify).TimesOut(ActivityTimeout.ScheduleToClose).RunAsync()).EnsureVerified();

        Assert.Equal(SagaOutcome.Completed, result.Outcome);
        var warning = Assert.Single(result.NonCriticalFailures);
        Assert.Equal("Timeout.ScheduleToClose", warning.ErrorType);
    }

    [Fact]
    public async Task A_history_from_elsewhere_is_checked_against_the_scenario_with_its_own_ids()
    {
        var recorded = new WorkflowHistoryBuilder("OrderSaga", "order-42", "orders", "run-42", History.Order)
            .UpsertedSearchAttributes()
            .TimerStarted(History.Deadline)
            .Completes(History.Reserve, History.Orders, History.HeldStock)
            .Fails(History.Pay, History.Payments, PaymentGateway.Declined, "Card declined")
            .UpsertedSearchAttributes()
            .Completes(History.Release, History.Orders)
            .UpsertedSearchAttributes()
            .EndsFailed()
            .Build();

        var matching = await Order.Step(Pay).Fails(PaymentGateway.Declined).VerifyHistoryAsync(recorded);
        var other = await Order.Step(Update).Fails("LedgerLocked").VerifyHistoryAsync(recorded);

        Assert.True(matching.Verified, matching.Report);
        Assert.True(IdempotencyKey.IsStepKey(matching.Calls[1].IdempotencyKey, "order-42", History.Pay), matching.Calls[1].IdempotencyKey);
        Assert.False(other.Verified);
        Assert.Contains("call 3: the saga must schedule OrderSaga.UpdateInventory; the workflow scheduled OrderSaga.ReleaseInventory", other.Mismatches);
    }

    [Fact]
    public void A_scenario_without_the_saga_input_is_refused_before_it_runs()
    {
        var scenario = SagaScenario.For(OrderSagaWorkflow.Definition);

        var refused = Assert.Throws<InvalidOperationException>(() => scenario.RunAsync().GetAwaiter().GetResult());
        Assert.Contains("WithInput", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_steps_name_the_steps_there_are()
    {
        var unknown = Assert.Throws<ArgumentException>(() => Order.Step("ChargeCard"));

        Assert.Contains("ReserveInventory, ProcessPayment, UpdateInventory, NotifyCustomer", unknown.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Order.Compensation(Update));
    }
}
