using System;
using System.Linq;
using SagaDsl.Generator.Tests.Infrastructure;
using Xunit;

namespace SagaDsl.Generator.Tests;

/// <summary>
/// A saga whose shape changed after it shipped: the generator writes one run path per shape recorded in
/// SagaShapes.Shipped.txt, chosen by patch, and nothing versioned while the file does not call for it.
/// </summary>
public class VersioningGenerationTests
{
    private const string Checkout = """
        using System.Threading.Tasks;
        using SagaDsl;

        namespace Shop;

        public sealed record Order(string Id, [property: SearchAttribute("OrderId")] string Reference);
        public sealed record Hold(string Id);
        public sealed record Verdict(bool Clear);

        [Saga(ParallelCompensation = true, Deadline = "00:30:00")]
        public static partial class CheckoutSaga
        {
            [SagaStep(1), CompensatedBy(nameof(Release))] public static Task<Hold> Reserve(Order order) => Task.FromResult(new Hold(order.Id));
            public static Task Release(Order order) => Task.CompletedTask;
            [SagaStep(2)] public static Task<Verdict> CheckFraud(Order order) => Task.FromResult(new Verdict(true));
            [SagaStep(3), CompensatedBy(nameof(Refund))] public static Task Pay(Order order) => Task.CompletedTask;
            public static Task Refund(Order order) => Task.CompletedTask;
            [SagaStep(4, Pivot = true)] public static Task Ship(Order order, Hold hold) => Task.CompletedTask;
            [SagaStep(5, Critical = false)] public static Task Notify(Order order) => Task.CompletedTask;
        }
        """;

    private const string ShapeOne = """
        shape 1 of CheckoutSaga
          step Reserve, undone by Release
          step Pay, pivot
          step Ship
          step Notify

        """;

    private const string ShapeTwo = """
        shape 2 of CheckoutSaga
          step Reserve, undone by Release
          step CheckFraud
          step Pay, undone by Refund
          step Ship, pivot
          step Notify, non-critical
          parallel compensation
          search attributes at start
          deadline

        """;

    [Fact]
    public void Each_shipped_shape_runs_behind_its_patch_newest_first()
    {
        var run = GeneratorRun.RunWithShippedShapes(ShapeOne + "\n" + ShapeTwo, Checkout);

        Assert.Empty(run.Problems);
        Snapshot.Match(run, nameof(VersioningGenerationTests));
    }

    [Fact]
    public void Only_the_first_shape_recorded_leaves_the_workflow_as_if_unversioned()
    {
        var plain = GeneratorRun.Run(Checkout);
        var shapeOnly = GeneratorRun.RunWithShippedShapes(ShapeTwo.Replace("shape 2", "shape 1", StringComparison.Ordinal), Checkout);

        Assert.Equal(plain.Sources, shapeOnly.Sources);
        Assert.DoesNotContain("Patched(", shapeOnly.Sources.Single().Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_oldest_shape_left_deprecates_its_patch_so_histories_that_recorded_it_still_replay()
    {
        var run = GeneratorRun.RunWithShippedShapes(ShapeTwo, Checkout);
        var text = run.Sources.Single().Text;

        Assert.Empty(run.Problems);
        Assert.Contains("global::Temporalio.Workflows.Workflow.DeprecatePatch(\"CheckoutSaga/shape-2\");", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Workflow.Patched(", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_change_not_recorded_is_generated_unversioned_and_still_compiles()
    {
        var run = GeneratorRun.RunWithShippedShapes(ShapeOne, Checkout);

        Assert.Empty(run.Problems);
        Assert.DoesNotContain("Patched(", run.Sources.Single().Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_step_that_had_another_place_in_an_older_shape_keeps_that_places_options_there()
    {
        var text = GeneratorRun.RunWithShippedShapes(ShapeOne + "\n" + ShapeTwo, Checkout).Sources.Single().Text;

        // Pay was the pivot of shape 1: there it ignores cancellation and retries until it has an answer.
        Assert.Contains("public static global::Temporalio.Workflows.ActivityOptions PayInShape1 => new()", text, StringComparison.Ordinal);
        Assert.Contains("Options.PayInShape1", text, StringComparison.Ordinal);
    }
}
