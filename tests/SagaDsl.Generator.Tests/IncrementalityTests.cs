using System;
using System.Collections;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SagaDsl.Generator.Tests.Infrastructure;
using Xunit;

namespace SagaDsl.Generator.Tests;

/// <summary>
/// The pipeline caches: an edit that does not change a saga's model re-emits nothing, and no step
/// output holds a Roslyn object that would keep an old compilation alive.
/// </summary>
public class IncrementalityTests
{
    private static readonly string[] TrackedSteps = { TrackingNames.Parse, TrackingNames.Sagas, TrackingNames.Hosting, TrackingNames.DiagramFiles, TrackingNames.LanguageVersion, TrackingNames.ShippedShapes, TrackingNames.Versions };

    private const string TwoShapes = """
        shape 1 of OrderSaga
          step ReserveInventory, undone by ReleaseInventory
          step ProcessPayment, undone by RefundPayment
          step UpdateInventory, pivot
          search attributes at start
          phase search attribute SagaPhase
          deadline

        shape 2 of OrderSaga
          step ReserveInventory, undone by ReleaseInventory
          step ProcessPayment, undone by RefundPayment
          step UpdateInventory, pivot
          step NotifyCustomer, non-critical
          search attributes at start
          phase search attribute SagaPhase
          deadline
        """;

    private const string Unrelated = "namespace Elsewhere; public static class Clock { public static int Ticks() => 1; }";

    [Fact]
    public void Editing_an_unrelated_file_leaves_every_step_cached_or_unchanged()
    {
        var compilation = GeneratorRun.Compile(SampleSources.OrderSaga().Append(Unrelated).ToArray());
        var first = GeneratorRun.Run(compilation);

        var second = GeneratorRun.Run(Edit(compilation, Unrelated, "=> 1;", "=> 2;"), first.Driver);

        AssertNothingReEmitted(second);
        Assert.Equal(StepReasons.UnrelatedFileEdited, StepReasons.Of(second));
    }

    [Fact]
    public void In_a_project_with_shipped_shapes_an_unrelated_edit_leaves_every_step_cached_and_the_file_is_plain_data()
    {
        var first = GeneratorRun.RunWithShippedShapes(TwoShapes, SampleSources.OrderSaga().Append(Unrelated).ToArray());

        var second = GeneratorRun.Run(Edit(first.Input, Unrelated, "=> 1;", "=> 2;"), first.Driver);

        Assert.Contains("Workflow.Patched(\"OrderSaga/shape-2\")", first.Sources.Single().Text, StringComparison.Ordinal);
        AssertNothingReEmitted(second);
        foreach (var name in TrackedSteps)
        {
            foreach (var output in first.Result.Results.Single().TrackedSteps[name].SelectMany(step => step.Outputs))
            {
                AssertPlainData(output.Value, name);
            }
        }
    }

    [Fact]
    public void Editing_a_step_body_re_parses_the_saga_but_emits_nothing_new()
    {
        var saga = SampleSources.OrderSaga().Single(source => source.Contains("partial class OrderSaga", StringComparison.Ordinal));
        var compilation = GeneratorRun.Compile(SampleSources.OrderSaga());
        var first = GeneratorRun.Run(compilation);

        var second = GeneratorRun.Run(Edit(compilation, saga, "faults.BeforeEffect(nameof(ProcessPayment));", "faults.BeforeEffect(\"ProcessPayment\");"), first.Driver);

        AssertNothingReEmitted(second);
        Assert.Equal(StepReasons.SagaBodyEdited, StepReasons.Of(second));
    }

    [Fact]
    public void Among_many_sagas_an_edit_inside_one_re_emits_none_and_an_attribute_change_re_emits_only_that_one()
    {
        const int count = 50;
        var sagas = Enumerable.Range(0, count).Select(ManySaga).ToArray();
        var compilation = GeneratorRun.Compile(sagas.Append(Unrelated).ToArray());
        var first = GeneratorRun.Run(compilation);

        var bodyEdit = GeneratorRun.Run(Edit(compilation, sagas[7], "=> \"a\";", "=> \"b\";"), first.Driver);
        var attributeEdit = GeneratorRun.Run(Edit(compilation, sagas[7], "[SagaStep(2)]", "[SagaStep(2, MaximumAttempts = 9)]"), first.Driver);

        Assert.Equal(count, first.Sources.Count);
        AssertNothingReEmitted(bodyEdit);
        var emitted = attributeEdit.Result.Results.Single().TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(step => step.Outputs)
            .Count(output => output.Reason != IncrementalStepRunReason.Cached);
        Assert.Equal(1, emitted);
    }

    [Fact]
    public void Changing_a_step_attribute_re_emits_the_saga()
    {
        var saga = SampleSources.OrderSaga().Single(source => source.Contains("partial class OrderSaga", StringComparison.Ordinal));
        var compilation = GeneratorRun.Compile(SampleSources.OrderSaga());
        var first = GeneratorRun.Run(compilation);

        var second = GeneratorRun.Run(Edit(compilation, saga, "[SagaStep(4, Critical = false, MaximumAttempts = 3)]", "[SagaStep(4, Critical = false, MaximumAttempts = 5)]"), first.Driver);

        Assert.Equal(StepReasons.SagaDeclarationEdited, StepReasons.Of(second));
        Assert.NotEqual(first.Sources.Single().Text, second.Sources.Single().Text);
    }

    [Fact]
    public void Changing_the_shipped_shapes_plans_and_emits_the_saga_again_without_parsing_it()
    {
        var first = GeneratorRun.RunWithShippedShapes(TwoShapes, SampleSources.OrderSaga());

        var second = first.WithShippedShapes(TwoShapes[TwoShapes.IndexOf("shape 2", StringComparison.Ordinal)..].Replace("shape 2", "shape 1", StringComparison.Ordinal));

        Assert.Equal(StepReasons.ShippedShapesEdited, StepReasons.Of(second));
        Assert.DoesNotContain("Workflow.Patched", second.Sources.Single().Text, StringComparison.Ordinal);
    }

    [Fact]
    public void No_step_output_holds_a_symbol_a_syntax_node_or_a_compilation()
    {
        var run = GeneratorRun.Run(SampleSources.OrderSaga());

        foreach (var name in TrackedSteps)
        {
            foreach (var output in run.Result.Results.Single().TrackedSteps[name].SelectMany(step => step.Outputs))
            {
                AssertPlainData(output.Value, name);
            }
        }
    }

    private static string ManySaga(int index) => $$"""
        using System.Threading.Tasks;
        using SagaDsl;

        namespace Many;

        public sealed record Order{{index}}(string Id);

        [Saga] public partial class Saga{{index}}
        {
            [SagaStep(1), CompensatedBy(nameof(Undo))] public Task<string> Hold(Order{{index}} order) => Task.FromResult(order.Id);
            public Task Undo(string hold) => Task.CompletedTask;
            [SagaStep(2)] public string Charge(Order{{index}} order) => "a";
        }
        """;

    private static void AssertNothingReEmitted(GeneratorRun run)
    {
        var result = run.Result.Results.Single();
        foreach (var name in TrackedSteps)
        {
            Assert.NotEmpty(result.TrackedSteps[name].SelectMany(step => step.Outputs));
        }

        run.AssertNothingRanAgain("The run after the edit");
    }

    private static Compilation Edit(Compilation compilation, string file, string from, string to)
    {
        Assert.Contains(from, file, StringComparison.Ordinal);
        var tree = compilation.SyntaxTrees.Single(tree => tree.ToString() == file);
        var edited = CSharpSyntaxTree.ParseText(file.Replace(from, to, StringComparison.Ordinal), (CSharpParseOptions)tree.Options, tree.FilePath);
        return compilation.ReplaceSyntaxTree(tree, edited);
    }

    private static void AssertPlainData(object? value, string step, int depth = 0)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || depth > 12)
        {
            return;
        }

        Assert.False(
            value is ISymbol or SyntaxNode or Compilation or SemanticModel or SyntaxTree or Location,
            $"{step} output holds a {value.GetType().Name}");
        if (value is IEnumerable items)
        {
            foreach (var item in items)
            {
                AssertPlainData(item, step, depth + 1);
            }

            return;
        }

        foreach (var field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            AssertPlainData(field.GetValue(value), step, depth + 1);
        }
    }
}
