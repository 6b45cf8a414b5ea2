using System;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using SagaDsl.Generator.Tests.Infrastructure;
using SagaDsl.Tests.Shared;
using Xunit;

namespace SagaDsl.Generator.Tests;

/// <summary>
/// What the generator emits around the SAGA0xx rules (their cases are the analyzer tests'): a saga in error
/// gets only stand-ins of its public types, which compile, so the rule's error is what the build shows
/// with no cascade of compiler errors; a saga with warnings only, or beside one in error, still generates.
/// </summary>
public class StandInGenerationTests
{
    private const string Usings = ShopHeader.Text;

    [Theory]
    [InlineData("SAGA001", "[Saga] public class OrderSaga { [SagaStep(1)] public void Reserve(Order order) { } }")]
    [InlineData("SAGA003", "[Saga] public partial class OrderSaga { public void Reserve(Order order) { } }")]
    [InlineData("SAGA004", "[Saga] public partial class OrderSaga { [SagaStep(1)] public Hold Reserve(Order order) => new(\"h\"); [SagaStep(1)] public void Pay(Order order) { } }")]
    [InlineData("SAGA005", "[Saga] public partial class OrderSaga { [SagaStep(1), CompensatedBy(\"Release\")] public Hold Reserve(Order order) => new(\"h\"); }")]
    [InlineData("SAGA007", "[Saga] public partial class OrderSaga { [SagaStep(1)] public Hold Reserve(Order order) => new(\"h\"); [SagaStep(2)] public void Ship(Hold hold, Receipt receipt) { } }")]
    [InlineData("SAGA011", "[Saga] public partial class OrderSaga { [SagaStep(1, Pivot = true)] public void Pay(Order order) { } [SagaStep(2, Pivot = true)] public Task<Receipt> Ship(Order order) => Task.FromResult(new Receipt(\"r\")); }")]
    [InlineData("SAGA013", "[Saga(Deadline = \"soon\")] public partial class OrderSaga { [SagaStep(1, MaximumAttempts = -1)] public Hold Reserve(Order order) => new(\"h\"); }")]
    [InlineData("SAGA016", "public sealed record Request([property: SearchAttribute] Hold Held); [Saga] public partial class OrderSaga { [SagaStep(1)] public void Reserve(Request request) { } }")]
    [InlineData("SAGA017", "[Saga] public partial class OrderSaga { [SagaStep(1)] public void Reserve(Order order, Hold hold) { } }")]
    [InlineData("SAGA020", "public sealed class OrderSagaResult { } [Saga] public partial class OrderSaga { [SagaStep(1)] public Hold Reserve(Order order) => new(\"h\"); }")]
    public async Task A_saga_in_error_gets_only_stand_ins_that_compile(string rule, [StringSyntax("C#")] string saga)
    {
        var run = GeneratorRun.Run(Usings + saga);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains(rule, (await run.DeclarationProblemsAsync()).Select(diagnostic => diagnostic.Id));
        Assert.All(run.Sources, source => Assert.Contains("these types only stand in for the", source.Text, StringComparison.Ordinal));
        Assert.True(run.ProblemsInGeneratedCode.Count == 0, string.Join("\n", run.ProblemsInGeneratedCode));
    }

    [Fact]
    public async Task A_saga_with_warnings_only_is_generated_whole()
    {
        var run = GeneratorRun.Run(Usings + """
            [Saga] public partial class OrderSaga
            {
                [SagaStep(1), CompensatedBy(nameof(Release))] public Hold Reserve(Order order, StepContext context) { context.Heartbeat(); return new("h"); }
                public void Release(Hold hold) { }
                [SagaStep(2)] public void Ship(Order order) { }
            }
            """);

        Assert.Equal(new[] { "SAGA027", "SAGA022" }, (await run.DeclarationProblemsAsync()).OrderBy(diagnostic => diagnostic.Location.SourceSpan.Start).Select(diagnostic => diagnostic.Id));
        Assert.All(await run.DeclarationProblemsAsync(), diagnostic => Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity));
        Assert.Contains("[global::Temporalio.Workflows.Workflow(WorkflowType)]", run.Sources.Single().Text, StringComparison.Ordinal);
        Assert.True(run.Problems.Count == 0, string.Join("\n", run.Problems));
    }

    [Fact]
    public async Task Near_misses_of_every_rule_are_a_valid_saga_that_generates_and_compiles()
    {
        var run = GeneratorRun.Run(Usings + """
            public class OrderSagaWorkflowHelpers { }

            [Saga(Name = "orders", StartToCloseTimeout = "00:00:00.250", BackoffCoefficient = 1, NonRetryableErrorTypes = new[] { "Card.Declined" })]
            [SagaTaskQueue("payments")]
            public partial class OrderSaga
            {
                public int ActivitiesLogged { get; set; }

                // Orders with gaps; two parameters of the input type; an overload that is no step.
                [SagaStep(10), CompensatedBy(nameof(Release))] public Hold Reserve(Order order, Order again) => new("h");
                public Hold Reserve(string orderId) => new(orderId);
                public void Release(Order order, StepContext context) { }

                // Same result type as Reserve, chosen explicitly; the refund takes the earlier step's
                // result by name, not its own step's, so it still undoes a charge by key.
                [SagaStep(20, TaskQueue = "payments"), CompensatedBy(nameof(Refund))] public Hold Charge(Order order, CancellationToken refundToken) => new("c");
                public void Refund([FromStep(nameof(Reserve))] Hold hold, StepContext context) { }

                [SagaStep(30, Pivot = true)] public Task Commit([FromStep(nameof(Reserve))] Hold hold) => Task.CompletedTask;

                [SagaStep(40, Critical = false)] public Task<string[]> Notify(Order order) => Task.FromResult(new[] { "sent" });
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty((await run.DeclarationProblemsAsync()).Select(diagnostic => diagnostic.ToString()));
        Assert.True(run.Problems.Count == 0, string.Join("\n", run.Problems));
        Assert.Single(run.Sources);
    }

    [Fact]
    public async Task Valid_saga_still_generates_beside_an_invalid_one()
    {
        var run = GeneratorRun.Run(Usings + """
            [Saga] public partial class Broken { }
            [Saga] public partial class Fine { [SagaStep(1)] public void Reserve(Order order) { } }
            """);

        Assert.Equal(new[] { "SAGA003" }, (await run.DeclarationProblemsAsync()).Select(diagnostic => diagnostic.Id));
        Assert.Equal(new[] { "Shop.Broken.g.cs", "Shop.Fine.g.cs" }, run.Sources.Select(source => source.HintName));
        Assert.Contains("these types only stand in for the", run.Sources[0].Text, StringComparison.Ordinal);
        Assert.Contains("[global::Temporalio.Workflows.Workflow(WorkflowType)]", run.Sources[1].Text, StringComparison.Ordinal);
        Assert.Empty(run.Problems);
    }
}
