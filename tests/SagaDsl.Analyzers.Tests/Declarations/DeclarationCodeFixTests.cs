using System.Threading.Tasks;
using Xunit;
using static SagaDsl.Analyzers.Tests.Verifiers.DeclarationFixVerifier;

namespace SagaDsl.Analyzers.Tests.Declarations;

public class DeclarationCodeFixTests
{
    [Fact]
    public Task SAGA001_the_saga_becomes_partial()
    {
        return VerifyFixAsync("""
            /// <summary>Orders.</summary>
            [Saga]
            public sealed class {|SAGA001:OrderSaga|}
            {
                [SagaStep(1)] public void Reserve(Order order) { }
            }
            """, """
            /// <summary>Orders.</summary>
            [Saga]
            public sealed partial class OrderSaga
            {
                [SagaStep(1)] public void Reserve(Order order) { }
            }
            """);
    }

    [Fact]
    public Task SAGA004_a_step_with_a_taken_order_gets_the_next_free_one()
    {
        return VerifyFixAsync("""
            [Saga]
            public partial class OrderSaga
            {
                [SagaStep(1)] public void Reserve(Order order) { }
                [SagaStep(1, Pivot = true)] public void {|SAGA004:Pay|}(Order order) { }
                [SagaStep(2)] public void Ship(Order order) { }
            }
            """, """
            [Saga]
            public partial class OrderSaga
            {
                [SagaStep(1)] public void Reserve(Order order) { }
                [SagaStep(3, Pivot = true)] public void Pay(Order order) { }
                [SagaStep(2)] public void Ship(Order order) { }
            }
            """);
    }

    [Fact]
    public Task SAGA004_fix_all_gives_every_duplicate_its_own_order()
    {
        return VerifyFixAsync("""
            [Saga]
            public partial class OrderSaga
            {
                [SagaStep(1)] public void Reserve(Order order) { }
                [SagaStep(1)] public void {|SAGA004:Pay|}(Order order) { }
                [SagaStep(1)] public void {|SAGA004:Ship|}(Order order) { }
            }
            """, """
            [Saga]
            public partial class OrderSaga
            {
                [SagaStep(1)] public void Reserve(Order order) { }
                [SagaStep(2)] public void Pay(Order order) { }
                [SagaStep(3)] public void Ship(Order order) { }
            }
            """);
    }

    [Fact]
    public Task SAGA005_the_missing_compensation_is_created_taking_the_context_to_undo_by_the_steps_key()
    {
        return VerifyFixAsync("""
            [Saga]
            public partial class OrderSaga
            {
                [SagaStep(1), {|SAGA005:CompensatedBy("ReleaseHold")|}]
                public Task<Hold> Reserve(Order order) => Task.FromResult(new Hold("h"));
            }
            """, """
            [Saga]
            public partial class OrderSaga
            {
                [SagaStep(1), CompensatedBy("ReleaseHold")]
                public Task<Hold> Reserve(Order order) => Task.FromResult(new Hold("h"));
                public Task ReleaseHold(StepContext context)
                {
                    throw new System.NotImplementedException("Undo the effect Reserve made with context.StepKey, passing context.IdempotencyKey.");
                }
            }
            """);
    }

    [Fact]
    public Task SAGA005_a_misspelt_compensation_points_at_the_method_it_means_instead_of_creating_a_stub()
    {
        return VerifyFixAsync("""
            [Saga]
            public partial class OrderSaga
            {
                [SagaStep(1), {|SAGA005:CompensatedBy("ReleaseHlod")|}]
                public Task<Hold> Reserve(Order order) => Task.FromResult(new Hold("h"));
                [SagaStep(2)] public void ReleaseHolds(Order order) { }
                public Task ReleaseHold(StepContext context) => Task.CompletedTask;
            }
            """, """
            [Saga]
            public partial class OrderSaga
            {
                [SagaStep(1), CompensatedBy(nameof(ReleaseHold))]
                public Task<Hold> Reserve(Order order) => Task.FromResult(new Hold("h"));
                [SagaStep(2)] public void ReleaseHolds(Order order) { }
                public Task ReleaseHold(StepContext context) => Task.CompletedTask;
            }
            """);
    }

    [Fact]
    public Task SAGA005_a_step_without_result_gets_the_same_compensation()
    {
        return VerifyFixAsync("""
            [Saga]
            public partial class OrderSaga
            {
                [SagaStep(1), {|SAGA005:CompensatedBy(nameof({|CS0103:Unreserve|}))|}]
                public void Reserve(Order order) { }
            }
            """, """
            [Saga]
            public partial class OrderSaga
            {
                [SagaStep(1), CompensatedBy(nameof(Unreserve))]
                public void Reserve(Order order) { }
                public Task Unreserve(StepContext context)
                {
                    throw new System.NotImplementedException("Undo the effect Reserve made with context.StepKey, passing context.IdempotencyKey.");
                }
            }
            """);
    }

    [Fact]
    public Task SAGA012_the_compensation_after_the_pivot_is_removed()
    {
        return VerifyFixAsync("""
            [Saga]
            public partial class OrderSaga
            {
                [SagaStep(1, Pivot = true)] public void Pay(Order order) { }
                [SagaStep(2), {|SAGA012:CompensatedBy(nameof(Unship))|}] public Hold Ship(Order order) => new("h");
                [SagaStep(3)]
                [{|SAGA012:CompensatedBy(nameof(Unship))|}]
                public Hold Track(Order order) => new("t");
                public void Unship(Hold hold) { }
            }
            """, """
            [Saga]
            public partial class OrderSaga
            {
                [SagaStep(1, Pivot = true)] public void Pay(Order order) { }
                [SagaStep(2)] public Hold Ship(Order order) => new("h");
                [SagaStep(3)]
                public Hold Track(Order order) => new("t");
                public void Unship(Hold hold) { }
            }
            """);
    }
}
