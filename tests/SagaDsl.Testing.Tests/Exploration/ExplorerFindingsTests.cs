using System;
using System.Linq;
using System.Threading.Tasks;
using global::OrderSaga;
using SagaDsl.Testing.Exploration;
using SagaDsl.Testing.Exploration.World;
using Temporalio.Common;
using Xunit;
using Xunit.Abstractions;

namespace SagaDsl.Testing.Tests.Exploration;

/// <summary>
/// The explorer against hand-written OrderSaga workflows, each wrong in a known way: it must find
/// every mistake, with a counterexample that tells the story, and nothing in the careful workflow.
/// </summary>
public class ExplorerFindingsTests(ITestOutputHelper output)
{
    private static readonly OrderDetails Order = new("order-7", "customer-7", new[] { new OrderLine("book", 2) }, 250m);

    private static readonly SagaExplorer OrderSagaExplorer = SagaExplorer.For(OrderSagaWorkflow.Definition)
        .WithInput(Order)
        .Returning(nameof(global::OrderSaga.OrderSaga.ReserveInventory), new Reservation("R-7", "order-7", Order.Lines))
        .Returning(nameof(global::OrderSaga.OrderSaga.ProcessPayment), new PaymentReceipt("P-7", "order-7", 250m));

    [Fact]
    public async Task The_careful_workflow_keeps_every_effect_promise_on_every_path()
    {
        var report = await ExploreAsync(typeof(CarefulOrderSagaWorkflow));

        Assert.True(report.Passed, report.ToString());
        Assert.True(report.Paths > 300, report.Summary);
        Assert.Contains("Cancelled", report.Outcomes.Keys);
        Assert.Contains("Failed: SagaCompensationFailed", report.Outcomes.Keys);
    }

    [Fact]
    public async Task A_payment_that_completes_after_the_cancel_request_is_never_refunded_by_the_previous_workflow()
    {
        var report = await ExploreAsync(typeof(PreviousOrderSagaWorkflow));

        var charge = Find(report, ViolationKind.EffectLeftOver, "ProcessPayment", "Cancelled");
        Assert.Contains("a client requested cancellation while ProcessPayment ran", charge.Timeline);
        Assert.Contains("the workflow asked to cancel ProcessPayment and stopped waiting for it (TryCancel)", charge.Timeline);
        Assert.Contains(charge.Timeline, line => line.StartsWith("after the workflow ended, ProcessPayment took effect all the same", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_cancel_during_the_pivot_undoes_stock_that_was_committed_in_the_previous_workflow()
    {
        var report = await ExploreAsync(typeof(PreviousOrderSagaWorkflow));

        var undone = Find(report, ViolationKind.UndoneAfterPivot, "ProcessPayment", "Cancelled");
        Assert.Contains("a client requested cancellation while UpdateInventory ran", undone.Timeline);
        Assert.Contains(undone.Timeline, line => line.StartsWith("after the workflow ended, UpdateInventory took effect all the same", StringComparison.Ordinal));
        Find(report, ViolationKind.PivotTakenNotReported, "UpdateInventory", "Cancelled");
    }

    [Fact]
    public async Task A_charge_made_on_the_last_attempt_is_kept_and_reported_compensated_by_the_previous_workflow()
    {
        var report = await ExploreAsync(typeof(PreviousOrderSagaWorkflow));

        var charge = Find(report, ViolationKind.EffectLeftOver, "ProcessPayment", "Failed: SagaCompensated");
        Assert.Contains(charge.Timeline, line => line.StartsWith("ProcessPayment failed on every attempt with a retryable error after taking effect", StringComparison.Ordinal)
            || line.StartsWith("ProcessPayment timed out on its last attempt after taking effect", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Compensations_oldest_first_are_out_of_order()
    {
        var report = await ExploreAsync(typeof(OldestFirstOrderSagaWorkflow));

        var problem = Assert.Single(report.Violations.Select(violation => violation.Kind).Distinct());
        Assert.Equal(ViolationKind.WorldProblem, problem);
        Assert.All(report.Violations, violation => Assert.StartsWith("OUT OF ORDER: ReleaseInventory (undo ReserveInventory) undid ReserveInventory while the effect of the later step ProcessPayment still held", violation.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_workflow_that_parks_a_refused_refund_in_place_keeps_every_promise_whatever_the_operator_decides()
    {
        var report = await ExploreAsync(typeof(ParkingOrderSagaWorkflow));

        Assert.True(report.Passed, report.ToString());
        Assert.Contains("Failed: SagaCompensationFailed", report.Outcomes.Keys);
        Assert.Contains("Failed: SagaCompensated", report.Outcomes.Keys);
    }

    [Fact]
    public async Task Parking_a_refused_refund_until_the_release_has_run_undoes_out_of_order_on_a_retry()
    {
        var report = await ExploreAsync(typeof(LateParkingOrderSagaWorkflow));

        Assert.Equal(new[] { ViolationKind.WorldProblem }, report.Violations.Select(violation => violation.Kind).Distinct());
        var late = report.Violations.First(violation => violation.Message.StartsWith("OUT OF ORDER: ReleaseInventory", StringComparison.Ordinal));
        Assert.Contains("an operator told the saga to retry the compensation of ProcessPayment", late.Timeline);
    }

    [Fact]
    public async Task A_retry_under_a_new_key_leaves_the_charge_it_was_meant_to_refund()
    {
        var report = await ExploreAsync(typeof(NewKeyRetryOrderSagaWorkflow));

        var charge = Find(report, ViolationKind.EffectLeftOver, "ProcessPayment", "Failed: SagaCompensated");
        Assert.Contains("an operator told the saga to retry the compensation of ProcessPayment", charge.Timeline);
    }

    [Fact]
    public async Task A_skipped_refund_the_failure_does_not_list_leaves_the_charge_unreported()
    {
        var report = await ExploreAsync(typeof(SilentSkipOrderSagaWorkflow));

        Assert.All(report.Violations, violation => Assert.Equal(ViolationKind.EffectLeftOver, violation.Kind));
        Assert.Equal(new[] { "ProcessPayment", "ReserveInventory" }, report.Violations.Select(violation => violation.Subject).Distinct().Order());
        var charge = Find(report, ViolationKind.EffectLeftOver, "ProcessPayment", "Failed: SagaCompensated");
        Assert.Contains(charge.Timeline, line => line.StartsWith("an operator told the saga to skip the compensation of ProcessPayment", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_missing_refund_leaves_the_charge()
    {
        var report = await ExploreAsync(typeof(NoRefundOrderSagaWorkflow));

        Assert.Equal(new[] { "ProcessPayment" }, report.Violations.Select(violation => violation.Subject).Distinct());
        Assert.All(report.Violations, violation => Assert.Equal(ViolationKind.EffectLeftOver, violation.Kind));
        Find(report, ViolationKind.EffectLeftOver, "ProcessPayment", "Failed: SagaCompensated");
        Find(report, ViolationKind.EffectLeftOver, "ProcessPayment", "Cancelled");
    }

    [Fact]
    public async Task Compensations_on_the_workflow_token_never_run_after_a_cancel()
    {
        var report = await ExploreAsync(typeof(AttachedCompensationsOrderSagaWorkflow));

        Assert.All(report.Violations, violation => Assert.Equal("Cancelled", violation.Outcome));
        var reservation = Find(report, ViolationKind.EffectLeftOver, "ReserveInventory", "Cancelled");
        Assert.DoesNotContain(reservation.Timeline, line => line.StartsWith("ReleaseInventory", StringComparison.Ordinal));
        var charge = Find(report, ViolationKind.EffectLeftOver, "ProcessPayment", "Cancelled");
        Assert.Contains("a client requested cancellation while ProcessPayment ran", charge.Timeline);
    }

    [Fact]
    public async Task A_pivot_treated_as_an_ordinary_step_is_compensated_after_it_took_effect()
    {
        var report = await ExploreAsync(typeof(CompensatedPivotOrderSagaWorkflow));

        var undone = Find(report, ViolationKind.UndoneAfterPivot, "ReserveInventory", "Failed: SagaCompensated");
        Assert.Contains(undone.Timeline, line => line.StartsWith("UpdateInventory", StringComparison.Ordinal) && line.EndsWith("after taking effect (key order-7/5a6a0000-0000-4000-8000-0000000000e1/OrderSaga.UpdateInventory)", StringComparison.Ordinal));
        Find(report, ViolationKind.UndoneAfterPivot, "ProcessPayment", "Cancelled");
    }

    [Fact]
    public async Task A_compensation_pushed_only_after_success_misses_effects_of_uncertain_failures()
    {
        var report = await ExploreAsync(typeof(TrustingOrderSagaWorkflow));

        Assert.All(report.Violations, violation => Assert.Equal(ViolationKind.EffectLeftOver, violation.Kind));
        Find(report, ViolationKind.EffectLeftOver, "ReserveInventory", "Failed: SagaCompensated");
        Find(report, ViolationKind.EffectLeftOver, "ProcessPayment", "Cancelled");
    }

    [Fact]
    public async Task Try_cancel_keeps_the_promise_when_compensations_work_from_the_key_and_dead_keys_are_refused()
    {
        var report = await ExploreAsync(typeof(TryCancelOrderSagaWorkflow));

        Assert.True(report.Passed, report.ToString());
        Assert.Contains(report.Outcomes.Keys, outcome => outcome == "Cancelled");
    }

    [Fact]
    public async Task A_deadline_that_passes_before_the_pivot_and_changes_nothing_is_found()
    {
        var report = await ExploreAsync(typeof(DeadlineIgnoringOrderSagaWorkflow));

        var ignored = Find(report, ViolationKind.DeadlineIgnored, "UpdateInventory", "Completed");
        Assert.Contains(ignored.Timeline, line => line.StartsWith("the timer of 02:00:00 fired while ReserveInventory ran", StringComparison.Ordinal) || line.StartsWith("the timer of 02:00:00 fired while ProcessPayment ran", StringComparison.Ordinal));
        Assert.DoesNotContain(report.Violations, violation => violation.Kind != ViolationKind.DeadlineIgnored);
    }

    [Fact]
    public async Task The_generated_workflow_relies_on_services_that_refuse_a_compensated_key()
    {
        var report = await SagaExplorer.For(OrderSagaWorkflow.Definition)
            .WithInput(Order)
            .WithWorld(() => new EffectLedger(OrderSagaWorkflow.Definition, retiresCompensatedKeys: false))
            .ExploreAsync();
        output.WriteLine(report.ToString());

        var charge = report.Violations.First(violation => violation.Kind == ViolationKind.EffectLeftOver && violation.Subject == "ProcessPayment");
        Assert.Contains(charge.Timeline, line => line.Contains("its attempt possibly still running", StringComparison.Ordinal));
        Assert.Contains(charge.Timeline, line => line.StartsWith("after the workflow ended, ProcessPayment took effect all the same", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_tuple_result_loses_its_fields_in_the_payload_converter()
    {
        var report = await SagaExplorer.For(TupleSagaWorkflow.Definition)
            .WithInput("parcel-1")
            .Returning("Pick", ("P-1", 2))
            .ExploreAsync();
        output.WriteLine(report.ToString());

        var lost = Find(report, ViolationKind.PayloadLost, "Pick result", "PayloadLost");
        Assert.Contains("Item1: \"P-1\" became null", lost.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_counterexample_history_loads_and_replays_the_path_it_describes()
    {
        var report = await ExploreAsync(typeof(PreviousOrderSagaWorkflow));
        var charge = Find(report, ViolationKind.EffectLeftOver, "ProcessPayment", "Cancelled");

        var loaded = WorkflowHistory.FromJson(charge.History.Id, charge.HistoryJson);
        var replay = await new Temporalio.Worker.WorkflowReplayer(new Temporalio.Worker.WorkflowReplayerOptions { TaskQueue = "orders" }.AddWorkflow<PreviousOrderSagaWorkflow>())
            .ReplayWorkflowAsync(loaded, throwOnReplayFailure: false);

        Assert.Null(replay.ReplayFailure);
        Assert.Equal(charge.History.Events.Count, loaded.Events.Count);
        Assert.Equal(Temporalio.Api.Enums.V1.EventType.WorkflowExecutionCanceled, loaded.Events.Last().EventType);
    }

    [Fact]
    public async Task A_workflow_versioned_with_Patched_is_explored_on_its_patched_branch_with_the_marker_in_every_history()
    {
        var careful = await ExploreAsync(typeof(CarefulOrderSagaWorkflow));
        var patched = await ExploreAsync(typeof(PatchedOrderSagaWorkflow));

        patched.EnsureNoViolations();
        Assert.Equal(careful.Paths, patched.Paths);
        Assert.Equal(careful.Outcomes, patched.Outcomes);
    }

    private async Task<ExplorationReport> ExploreAsync(Type workflow)
    {
        var report = await OrderSagaExplorer.ReplayedBy(workflow).WithWorkflowId("order-7", "5a6a0000-0000-4000-8000-0000000000e1").ExploreAsync();
        output.WriteLine(report.ToString());
        return report;
    }

    private static SagaViolation Find(ExplorationReport report, ViolationKind kind, string subject, string outcome) =>
        report.Violations.FirstOrDefault(violation => violation.Kind == kind && violation.Subject == subject && violation.Outcome == outcome)
        ?? throw new Xunit.Sdk.XunitException($"No {kind} of {subject} ending {outcome} in:\n{report}");
}
