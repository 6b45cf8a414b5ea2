using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace SagaDsl.Benchmarks.Synthetic;

/// <summary>
/// Sagas of five steps each, in the shape of the OrderSaga (two compensated steps, a pivot, a step
/// after it, a non-critical one) and with every other feature the DSL has (compensations all at once,
/// a deadline, a phase search attribute and one from the input, a task queue with limits, and two
/// shipped shapes), one file per saga, plus one file no saga depends on and the shipped-shapes file.
/// </summary>
internal static class SyntheticSagas
{
    public const string UnrelatedFile = "namespace Synthetic.Elsewhere; public static class Clock { public static int Ticks() => 1; }";

    public const string StepBody = "=> Task.FromResult(new Hold(\"H-\" + order.Id));";

    public static List<string> Create(int count)
    {
        var sources = new List<string> { Records, UnrelatedFile };
        for (var i = 0; i < count; i++)
        {
            sources.Add(Saga(i));
        }

        return sources;
    }

    /// <summary>The shipped-shapes file of the synthetic project.</summary>
    public const string ShapesFileName = "SagaShapes.Shipped.txt";

    /// <summary>
    /// The shapes every saga shipped: each compensated one step at a time first, then all at once, so
    /// its workflow runs both behind <c>Workflow.Patched</c>.
    /// </summary>
    public static string Shapes(int count)
    {
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            text.Append(Shape(i, 1)).Append('\n').Append(Shape(i, 2)).Append('\n');
        }

        return text.ToString();
    }

    private static string Shape(int index, int shape) => string.Create(CultureInfo.InvariantCulture, $"""
        shape {shape} of Saga{index}
          step Reserve, undone by Release, with its result
          step Pay, undone by Refund, with its result
          step Commit, pivot
          step Ship
          step Notify, non-critical
        {(shape == 2 ? "  parallel compensation\n" : string.Empty)}  search attributes at start
          phase search attribute SagaPhase
          deadline

        """);

    /// <summary>The records every saga takes and returns.</summary>
    public const string Records = """
        using SagaDsl;

        namespace Synthetic;

        public sealed record Order([property: SearchAttribute("OrderId")] string Id, decimal Amount);

        public sealed record Hold(string Id);

        public sealed record Charge(string Id);
        """;

    /// <summary>The annotated saga of the given index, as the user writes it.</summary>
    public static string Saga(int index)
    {
        var name = "Saga" + index.ToString(CultureInfo.InvariantCulture);
        return new StringBuilder()
            .AppendLine("using System.Threading.Tasks;")
            .AppendLine("using SagaDsl;")
            .AppendLine()
            .AppendLine("namespace Synthetic;")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"[Saga(TaskQueue = \"q{index}\", ParallelCompensation = true, Deadline = \"02:00:00\", PhaseSearchAttribute = \"SagaPhase\")]")
            .AppendLine("[SagaTaskQueue(\"payments\", MaxConcurrentActivities = 2)]")
            .AppendLine(CultureInfo.InvariantCulture, $"public sealed partial class {name}")
            .AppendLine("{")
            .AppendLine("    [SagaStep(1), CompensatedBy(nameof(Release))]")
            .AppendLine(CultureInfo.InvariantCulture, $"    public Task<Hold> Reserve(Order order, StepContext context) {StepBody}")
            .AppendLine("    public Task Release(Hold hold, StepContext context) => Task.CompletedTask;")
            .AppendLine("    [SagaStep(2, TaskQueue = \"payments\"), CompensatedBy(nameof(Refund))]")
            .AppendLine("    public Task<Charge> Pay(Order order, StepContext context) => Task.FromResult(new Charge(context.IdempotencyKey));")
            .AppendLine("    public Task Refund(Charge charge, StepContext context) => Task.CompletedTask;")
            .AppendLine("    [SagaStep(3, Pivot = true)]")
            .AppendLine("    public Task Commit(Hold hold) => Task.CompletedTask;")
            .AppendLine("    [SagaStep(4)]")
            .AppendLine("    public Task Ship(Order order, Charge charge) => Task.CompletedTask;")
            .AppendLine("    [SagaStep(5, Critical = false)]")
            .AppendLine("    public Task Notify(Order order) => Task.CompletedTask;")
            .AppendLine("}")
            .ToString();
    }
}
