using System;
using System.Linq;
using System.Threading.Tasks;
using SagaDsl.Runtime.Tests.Versioning.Sagas;
using SagaDsl.Testing.Exploration;
using SagaDsl.Testing.Scenarios;
using SagaDsl.Testing.Versioning;
using Temporalio.Api.Enums.V1;
using Xunit;
using Xunit.Abstractions;

namespace SagaDsl.Runtime.Tests.Versioning;

/// <summary>
/// Sagas whose shapes changed after they shipped (SagaShapes.Shipped.txt beside them), versioned by the
/// generator: every scenario of every shipped shape, in the history its executions wrote, replays and
/// finishes on the current workflow as that shape must, and new executions take the newest shape.
/// </summary>
public sealed class ShippedShapeTests(ITestOutputHelper output)
{
    private static readonly Purchase Purchase = new("p-1", 20m);
    private static readonly Journey Journey = new("j-1");

    private static SagaScenario PurchaseScenario => SagaScenario.For(FraudCheckedOrderWorkflow.Definition)
        .WithInput(Purchase)
        .Step(nameof(FraudCheckedOrder.PlaceHold)).Returns(new Hold("H-p-1"))
        .Step(nameof(FraudCheckedOrder.CheckFraud)).Returns(new Verdict(true))
        .Step(nameof(FraudCheckedOrder.ChargeCard)).Returns(new Charge("C-p-1"));

    private static SagaScenario JourneyScenario => SagaScenario.For(RebookedTripWorkflow.Definition)
        .WithInput(Journey)
        .Step(nameof(RebookedTrip.Book)).Returns(new Seat("12A"));

    [Fact]
    public async Task Executions_of_every_shape_of_the_purchase_finish_on_the_path_they_began()
    {
        var report = await ShippedShapeReplay.ReplayAsync(FraudCheckedOrderWorkflow.Shapes, PurchaseScenario);
        output.WriteLine(report.ToString());

        report.EnsureAllVerified();
        Assert.Equal(new[] { 1, 2, 3 }, report.Results.Select(static result => result.Shape).Distinct());
        Assert.Equal(new[] { 1, 2, 3 }, report.InFlight.Select(static point => point.Shape).Distinct());
    }

    [Fact]
    public async Task Executions_of_every_shape_of_the_journey_finish_on_the_path_they_began()
    {
        var report = await ShippedShapeReplay.ReplayAsync(RebookedTripWorkflow.Shapes, JourneyScenario);
        output.WriteLine(report.ToString());

        report.EnsureAllVerified();
        Assert.Equal(new[] { 1, 2 }, report.Results.Select(static result => result.Shape).Distinct());
    }

    [Fact]
    public async Task Executions_of_a_shape_whose_steps_were_renamed_or_removed_still_run_them()
    {
        var scenario = SagaScenario.For(SubscriptionWorkflow.Definition)
            .WithInput(new Plan("s-1"))
            .Step(nameof(Subscription.Bill)).Returns(new Receipt("R-s-1"));
        var report = await ShippedShapeReplay.ReplayAsync(SubscriptionWorkflow.Shapes, scenario);
        output.WriteLine(report.ToString());

        report.EnsureAllVerified();
        var shapeOne = report.Results.First(static result => result.Shape == 1 && result.Result.Name == "every step completes").Result;
        Assert.Equal(
            new[] { "Subscription.Reserve", "Subscription.Charge", "Subscription.Activate", "Subscription.Welcome" },
            shapeOne.Calls.Select(static call => call.Activity));
        Assert.DoesNotContain(SubscriptionWorkflow.Definition.Steps, static step => step.Name is nameof(Subscription.Charge) or nameof(Subscription.Welcome));
        var undone = report.Results.Where(static result => result.Result.Name == "Activate fails").ToDictionary(static result => result.Shape, static result => result.Result.Calls[^1].Activity);
        Assert.Equal("Subscription.Release", undone[1]);
        Assert.Equal("Subscription.ReleaseSeats", undone[2]);
    }

    [Fact]
    public async Task With_the_older_shapes_retired_the_patch_is_only_deprecated_and_histories_with_either_marker_replay()
    {
        var scenario = SagaScenario.For(RenewalWorkflow.Definition).WithInput(new Contract("c-1"));

        var deprecated = await ShippedShapeReplay.ReplayAsync(RenewalWorkflow.Shapes, scenario);
        var recordedBeforeRetirement = await ShippedShapeReplay.ReplayAsync(new[] { RenewalWorkflow.Definition with { PatchDeprecated = false } }, scenario);
        output.WriteLine(deprecated.ToString());

        Assert.True(RenewalWorkflow.Definition.PatchDeprecated);
        Assert.Single(RenewalWorkflow.Shapes);
        deprecated.EnsureAllVerified();
        recordedBeforeRetirement.EnsureAllVerified();
    }

    [Fact]
    public async Task Executions_of_every_shape_keep_their_phase_search_attributes_and_compensations_where_their_shape_kept_them()
    {
        var scenario = SagaScenario.For(ShipmentWorkflow.Definition)
            .WithInput(new Consignment("s-1") { Customer = "c-1" });

        var report = await ShippedShapeReplay.ReplayAsync(ShipmentWorkflow.Shapes, scenario);
        output.WriteLine(report.ToString());

        // Verified includes what visibility shows at the end: each shape's phase attribute holds the phase
        // the saga ended in, so shape 1's executions publish to SagaPhase, shape 2's to ShipmentPhase.
        report.EnsureAllVerified();
        Assert.Equal(new[] { "SagaPhase", "ShipmentPhase", null }, ShipmentWorkflow.Shapes.Select(static shape => shape.PhaseSearchAttribute));
        // A history that stops while the saga waits for an operator has no end to read them at.
        foreach (var result in report.Results.Where(static result => result.Result.Outcome != SagaOutcome.WaitingForOperator))
        {
            var names = result.Result.SearchAttributes.Keys.OrderBy(static name => name, StringComparer.Ordinal);
            Assert.Equal(
                result.Shape switch { 1 => new[] { "Customer", "SagaPhase" }, 2 => new[] { "Customer", "ShipmentPhase" }, _ => Array.Empty<string>() },
                names);
        }

        var undone = report.Results.Where(static result => result.Result.Name == "Send fails").ToDictionary(static result => result.Shape, static result => result.Result.Calls.Select(static call => call.Method).ToArray());
        Assert.Equal(new[] { "Pack", "Send", "Unpack" }, undone[1]);
        Assert.Equal(new[] { "Pack", "Send", "Unpack" }, undone[2]);
        Assert.Equal(new[] { "Pack", "Send" }, undone[3]);
    }

    [Fact]
    public async Task An_older_shapes_execution_whose_phase_is_looked_for_elsewhere_is_not_verified()
    {
        // The control of the check above: a replay is green whichever attribute the phase goes to, since
        // Temporal does not compare an upsert's contents; only the attribute's value at the end tells.
        var scenario = SagaScenario.For(ShipmentWorkflow.Definition).WithInput(new Consignment("s-1") { Customer = "c-1" });
        var shapeOne = ShipmentWorkflow.Shapes[0];

        var result = await scenario.OnShape(shapeOne with { PhaseSearchAttribute = "ShipmentPhase" }).RunAsync();

        Assert.False(result.Verified);
        Assert.Contains("the ShipmentPhase search attribute must read Completed when the run ends; it reads nothing (the phase went to SagaPhase = Completed)", result.Report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_execution_records_the_newest_shapes_patch_before_anything_else()
    {
        var result = (await PurchaseScenario.RunAsync()).EnsureVerified();

        var first = result.History.Events.First(static historyEvent => historyEvent.EventType is EventType.MarkerRecorded or EventType.ActivityTaskScheduled or EventType.UpsertWorkflowSearchAttributes);
        Assert.Equal(EventType.MarkerRecorded, first.EventType);
        Assert.Equal("FraudCheckedOrder/shape-3", FraudCheckedOrderWorkflow.Definition.Patch);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task An_older_shapes_history_under_the_newest_patch_fails_to_replay(int shape)
    {
        // The proof that the paths differ: were the workflow to run shape 3 for an execution of an older
        // shape, that execution would stop on a nondeterminism error.
        var older = FraudCheckedOrderWorkflow.Shapes[shape] with { Patch = FraudCheckedOrderWorkflow.Definition.Patch };

        var result = await PurchaseScenario.OnShape(older).RunAsync();

        Assert.False(result.Verified);
        Assert.Contains("Nondeterminism", result.Report, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_newest_shape_keeps_its_promise_on_every_explored_path()
    {
        // The explorer runs the workflow as a new execution: it records the newest shape's patch and takes its path.
        var report = await SagaExplorer.For(RebookedTripWorkflow.Definition)
            .WithInput(Journey)
            .Returning(nameof(RebookedTrip.Book), new Seat("12A"))
            .ExploreAsync();
        output.WriteLine(report.ToString());

        report.EnsureNoViolations();
        Assert.True(report.Paths > 1, report.Summary);
    }
}
