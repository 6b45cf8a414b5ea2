using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace SagaDsl.Benchmarks.Synthetic;

/// <summary>
/// Hand-written Temporal workflows whose run method calls a chain of helper methods five deep in
/// another type, so the determinism analyzer walks every chain: five helper methods per workflow.
/// The code is correct: nothing is reported, everything is walked.
/// </summary>
internal static class SyntheticWorkflows
{
    public const int ChainDepth = 5;

    public static List<string> Create(int workflows)
    {
        var sources = new List<string>();
        for (var i = 0; i < workflows; i++)
        {
            sources.Add(Workflow(i));
        }

        return sources;
    }

    private static string Workflow(int index)
    {
        var n = index.ToString(CultureInfo.InvariantCulture);
        var source = new StringBuilder()
            .AppendLine("using System;")
            .AppendLine("using System.Threading.Tasks;")
            .AppendLine("using Temporalio.Workflows;")
            .AppendLine()
            .AppendLine("namespace Synthetic;")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"[Workflow(\"Flow{n}\")]")
            .AppendLine(CultureInfo.InvariantCulture, $"public sealed class Flow{n}")
            .AppendLine("{")
            .AppendLine("    [WorkflowRun]")
            .AppendLine("    public async Task<string> RunAsync(string input)")
            .AppendLine("    {")
            .AppendLine("        await Workflow.DelayAsync(TimeSpan.FromSeconds(1));")
            .AppendLine(CultureInfo.InvariantCulture, $"        return Helpers{n}.Step1(input, Workflow.UtcNow.Ticks);")
            .AppendLine("    }")
            .AppendLine("}")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"internal static class Helpers{n}")
            .AppendLine("{");
        for (var depth = 1; depth <= ChainDepth; depth++)
        {
            var next = depth < ChainDepth ? $"Step{depth + 1}(text.Trim() + value.ToString(System.Globalization.CultureInfo.InvariantCulture), value + {depth})" : "text.ToUpperInvariant()";
            source.AppendLine(CultureInfo.InvariantCulture, $"    public static string Step{depth}(string text, long value) => {next};");
        }

        return source.AppendLine("}").ToString();
    }
}
