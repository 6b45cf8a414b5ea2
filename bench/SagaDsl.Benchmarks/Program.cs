using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using SagaDsl.Benchmarks;
using SagaDsl.Benchmarks.Figures;

// Prints the figures of issues 7 and 14 as one table: ours, baseline, ratio, target, pass or fail.
// `--smoke` runs the same measurements at a tenth of the size, quickly enough for CI;
// `--only generator|analyzers|workflows` runs one group, for working on one figure.
var smoke = args.Contains("--smoke");
var only = args.SkipWhile(arg => arg != "--only").Skip(1).FirstOrDefault();
if (only is not null and not ("generator" or "analyzers" or "workflows"))
{
    Console.Error.WriteLine("--only takes generator, analyzers or workflows");
    return 2;
}

bool Runs(string group) => only is null || only == group;
var scale = smoke ? 100 : 1000;
if (Debugger.IsAttached || typeof(Program).Assembly.GetCustomAttributes(typeof(DebuggableAttribute), false).OfType<DebuggableAttribute>().Any(attribute => attribute.IsJITOptimizerDisabled))
{
    Console.Error.WriteLine("Run the benchmarks in Release: dotnet run -c Release --project bench/SagaDsl.Benchmarks");
    return 2;
}

Console.WriteLine($"SagaDsl benchmarks, {(smoke ? "smoke (small)" : "full")} run, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
var figures = new List<Figure>();
if (Runs("generator"))
{
    figures.AddRange(GeneratorCost.Measure(scale));
    figures.AddRange(await BuildCost.MeasureAsync(scale));
}

if (Runs("analyzers"))
{
    figures.AddRange(await AnalyzerCost.MeasureAsync(scale));
}

if (Runs("workflows"))
{
    figures.AddRange(await WorkflowCost.MeasureAsync(scale));
    figures.AddRange(await ExplorationCost.MeasureAsync());
}
Console.WriteLine();
Table.Print(figures);
var failed = figures.Count(figure => figure.Pass == false);
Console.WriteLine();
Console.WriteLine(failed == 0
    ? "Every target met."
    : smoke
        ? $"{failed} figure(s) outside their targets at smoke size, where fixed costs dominate; only a full run judges the targets."
        : $"{failed} target(s) missed.");

// A smoke run proves the measurements work; its small sizes make ratios noisy, so only a full run judges them.
return smoke || failed == 0 ? 0 : 1;
