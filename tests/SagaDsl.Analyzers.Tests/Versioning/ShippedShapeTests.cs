using System.Threading.Tasks;
using Xunit;
using static SagaDsl.Analyzers.Tests.Verifiers.ShippedShapeVerifier;

namespace SagaDsl.Analyzers.Tests.Versioning;

/// <summary>
/// A saga compared with the shapes its running executions began on: a change that alters the commands
/// fails the build until it is recorded, the fix records it, and what cannot be versioned is named.
/// </summary>
public class ShippedShapeTests
{
    private const string ShapeOne = """
        shape 1 of Checkout
          step Reserve, undone by Release
          step Pay, pivot

        """;

    private const string WithFraudCheck = """
        [Saga]
        public static partial class {|#0:Checkout|}
        {
            [SagaStep(1), CompensatedBy(nameof(Release))] public static Task<Hold> Reserve(Order order) => Task.FromResult(new Hold(order.Id));
            public static Task Release(Order order) => Task.CompletedTask;
            [SagaStep(2)] public static Task CheckFraud(Order order) => Task.CompletedTask;
            [SagaStep(3, Pivot = true)] public static Task Pay(Order order) => Task.CompletedTask;
        }
        """;

    [Fact]
    public Task SAGA028_a_step_inserted_after_the_shape_shipped_fails_the_build()
    {
        return VerifyAsync(WithFraudCheck.Replace("{|#0:Checkout|}", "{|SAGA028:Checkout|}"), ShapeOne);
    }

    [Fact]
    public Task SAGA028_the_fix_records_the_new_shape_after_the_shipped_one()
    {
        return VerifyFixAsync(WithFraudCheck.Replace("{|#0:Checkout|}", "{|SAGA028:Checkout|}"), ShapeOne, """
            shape 1 of Checkout
              step Reserve, undone by Release
              step Pay, pivot

            shape 2 of Checkout
              step Reserve, undone by Release
              step CheckFraud
              step Pay, pivot

            """);
    }

    [Fact]
    public Task SAGA028_the_fix_updates_a_shape_that_never_shipped_in_place()
    {
        return VerifyFixAsync(WithFraudCheck.Replace("{|#0:Checkout|}", "{|SAGA028:Checkout|}"), "# shapes\n" + ShapeOne + "\nshape 1 of Other\n  step Go\n", """
            # shapes
            shape 1 of Checkout
              step Reserve, undone by Release
              step CheckFraud
              step Pay, pivot

            shape 1 of Other
              step Go

            """, "SagaDsl.UpdateShape");
    }

    [Fact]
    public Task A_recorded_shape_with_other_activity_options_needs_nothing()
    {
        return VerifyAsync("""
            [Saga(StartToCloseTimeout = "00:05:00", MaximumAttempts = 7)]
            public static partial class Checkout
            {
                [SagaStep(1, StartToCloseTimeout = "00:00:10"), CompensatedBy(nameof(Release))] public static Task<Hold> Reserve(Order order) => Task.FromResult(new Hold(order.Id));
                public static Task Release(Order order) => Task.CompletedTask;
                [SagaStep(2, Pivot = true)] public static Task Pay(Order order) => Task.CompletedTask;
            }
            """, ShapeOne);
    }

    [Fact]
    public Task SAGA029_a_saga_missing_from_the_shapes_file_is_named_and_the_fix_records_it()
    {
        return VerifyFixAsync("""
            [Saga]
            public static partial class {|SAGA029:Refunds|}
            {
                [SagaStep(1)] public static Task Refund(Order order) => Task.CompletedTask;
            }
            """, ShapeOne, ShapeOne + """

            shape 1 of Refunds
              step Refund

            """);
    }

    [Fact]
    public Task SAGA030_a_line_the_reader_does_not_understand_is_reported_where_it_is()
    {
        return VerifyAsync("""
            [Saga]
            public static partial class Checkout
            {
                [SagaStep(1), CompensatedBy(nameof(Release))] public static Task<Hold> Reserve(Order order) => Task.FromResult(new Hold(order.Id));
                public static Task Release(Order order) => Task.CompletedTask;
                [SagaStep(2, Pivot = true)] public static Task Pay(Order order) => Task.CompletedTask;
            }
            """, """
            shape 1 of Checkout
              step Reserve, undone by Release
            {|SAGA030:  step Pay, pivotal|}

            """);
    }

    [Fact]
    public Task SAGA031_a_shipped_shape_running_a_step_the_saga_no_longer_declares_is_named()
    {
        return VerifyAsync(WithFraudCheck.Replace("{|#0:Checkout|}", "{|SAGA031:Checkout|}"), """
            shape 1 of Checkout
              step Reserve, undone by Release
              step Audit
              step Pay, pivot

            shape 2 of Checkout
              step Reserve, undone by Release
              step CheckFraud
              step Pay, pivot

            """);
    }

    [Fact]
    public Task A_step_removed_while_an_older_shape_runs_it_is_kept_and_needs_nothing_more()
    {
        return VerifyAsync("""
            [Saga]
            public static partial class Checkout
            {
                [SagaStep(1), CompensatedBy(nameof(Release))] public static Task<Hold> Reserve(Order order) => Task.FromResult(new Hold(order.Id));
                public static Task Release(Order order) => Task.CompletedTask;
                [SagaStep(2, Removed = true)] public static Task Audit(Order order) => Task.CompletedTask;
                [SagaStep(3, Pivot = true)] public static Task Pay(Order order) => Task.CompletedTask;
            }
            """, """
            shape 1 of Checkout
              step Reserve, undone by Release
              step Audit
              step Pay, pivot

            shape 2 of Checkout
              step Reserve, undone by Release
              step Pay, pivot

            """);
    }

    [Fact]
    public Task SAGA032_a_removed_step_no_shape_runs_any_more_is_named()
    {
        return VerifyAsync("""
            [Saga]
            public static partial class {|SAGA032:Checkout|}
            {
                [SagaStep(1), CompensatedBy(nameof(Release))] public static Task<Hold> Reserve(Order order) => Task.FromResult(new Hold(order.Id));
                public static Task Release(Order order) => Task.CompletedTask;
                [SagaStep(2, Removed = true)] public static Task Audit(Order order) => Task.CompletedTask;
                [SagaStep(3, Pivot = true)] public static Task Pay(Order order) => Task.CompletedTask;
            }
            """, """
            shape 2 of Checkout
              step Reserve, undone by Release
              step Pay, pivot

            """);
    }

    [Fact]
    public Task SAGA015_a_step_cannot_take_the_result_of_a_removed_step()
    {
        return VerifyAsync("""
            [Saga]
            public static partial class Checkout
            {
                [SagaStep(1, Removed = true)] public static Task<Hold> Reserve(Order order) => Task.FromResult(new Hold(order.Id));
                [SagaStep(2)] public static Task Pay(Order order) => Task.CompletedTask;
                [SagaStep(3)] public static Task Ship(Order order, [{|SAGA015:FromStep(nameof(Reserve))|}] Hold hold) => Task.CompletedTask;
            }
            """, """
            shape 1 of Checkout
              step Reserve
              step Pay
              step Ship

            shape 2 of Checkout
              step Pay
              step Ship

            """);
    }

    [Fact]
    public Task SAGA033_a_step_with_two_current_compensations_is_an_error()
    {
        return VerifyAsync("""
            [Saga]
            public static partial class Checkout
            {
                [SagaStep(1), CompensatedBy(nameof(Release)), {|SAGA033:CompensatedBy(nameof(Unhold))|}] public static Task<Hold> Reserve(Order order) => Task.FromResult(new Hold(order.Id));
                public static Task Release(Order order) => Task.CompletedTask;
                public static Task Unhold(Order order) => Task.CompletedTask;
                [SagaStep(2, Pivot = true)] public static Task Pay(Order order) => Task.CompletedTask;
            }
            """, ShapeOne);
    }

    [Fact]
    public Task SAGA032_a_removed_compensation_no_shape_uses_any_more_is_named()
    {
        return VerifyAsync("""
            [Saga]
            public static partial class {|SAGA032:Checkout|}
            {
                [SagaStep(1), CompensatedBy(nameof(Release)), CompensatedBy(nameof(Unhold), Removed = true)] public static Task<Hold> Reserve(Order order) => Task.FromResult(new Hold(order.Id));
                public static Task Release(Order order) => Task.CompletedTask;
                public static Task Unhold(Order order) => Task.CompletedTask;
                [SagaStep(2, Pivot = true)] public static Task Pay(Order order) => Task.CompletedTask;
            }
            """, ShapeOne);
    }

    private const string ParcelSaga = """
        public sealed record Parcel(string Id)
        {
            [SearchAttribute{0}] public string Customer { get; init; } = "";
        }

        [Saga{1}]
        public static partial class {2}
        {
            [SagaStep(1), CompensatedBy(nameof(Unpack))] public static Task Pack(Parcel parcel) => Task.CompletedTask;
            public static Task Unpack(Parcel parcel) => Task.CompletedTask;
            [SagaStep(2, Pivot = true)] public static Task Send(Parcel parcel) => Task.CompletedTask;
        }
        """;

    private const string ParcelShapes = """
        shape 1 of Shipping
          step Pack, undone by Unpack
          step Send, pivot
          search attributes at start
        {0}
        shape 2 of Shipping
          step Pack, undone by Unpack
          step Send, pivot

        """;

    [Fact]
    public Task SAGA031_the_last_search_attribute_dropped_while_an_older_shape_sets_it_at_start_is_named()
    {
        var saga = ParcelSaga.Replace("[SearchAttribute{0}] ", string.Empty).Replace("{1}", string.Empty).Replace("{2}", "{|SAGA031:Shipping|}");
        return VerifyAsync(saga, ParcelShapes.Replace("{0}", string.Empty));
    }

    [Fact]
    public Task The_last_search_attribute_kept_as_removed_while_an_older_shape_sets_it_at_start_needs_nothing_more()
    {
        var saga = ParcelSaga.Replace("{0}", "(Removed = true)").Replace("{1}", string.Empty).Replace("{2}", "Shipping");
        return VerifyAsync(saga, ParcelShapes.Replace("{0}", string.Empty));
    }

    [Fact]
    public Task A_phase_attribute_dropped_after_a_shape_kept_it_needs_only_the_new_shape()
    {
        // Shape 1's path publishes its phase in SagaPhase, whose name the file keeps: nothing else to keep.
        var saga = ParcelSaga.Replace("[SearchAttribute{0}] ", string.Empty).Replace("{1}", string.Empty).Replace("{2}", "Shipping");
        return VerifyAsync(saga, ParcelShapes.Replace("{0}", "  phase search attribute SagaPhase\n"));
    }

    [Fact]
    public Task A_phase_attribute_renamed_needs_only_the_new_shape()
    {
        var saga = ParcelSaga.Replace("{0}", string.Empty).Replace("{1}", "(PhaseSearchAttribute = \"ParcelPhase\")").Replace("{2}", "Shipping");
        return VerifyAsync(saga, ParcelShapes.Replace("{0}", "  phase search attribute SagaPhase\n") + """
            shape 3 of Shipping
              step Pack, undone by Unpack
              step Send, pivot
              search attributes at start
              phase search attribute ParcelPhase

            """);
    }

    [Fact]
    public Task SAGA032_a_removed_search_attribute_no_shape_sets_any_more_is_named()
    {
        var saga = ParcelSaga.Replace("{0}", "(Removed = true)").Replace("{1}", string.Empty).Replace("{2}", "{|SAGA032:Shipping|}");
        return VerifyAsync(saga, """
            shape 2 of Shipping
              step Pack, undone by Unpack
              step Send, pivot

            """);
    }
}
