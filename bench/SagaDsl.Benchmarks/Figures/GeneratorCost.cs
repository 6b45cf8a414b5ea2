using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SagaDsl.Benchmarks.Synthetic;
using SagaDsl.Generator;

namespace SagaDsl.Benchmarks.Figures;

/// <summary>
/// The generator on a project of many sagas: its share of a full compilation, its allocations, and
/// what an edit costs once the pipeline has run (targets 1 and 2 of issue 7).
/// </summary>
internal static class GeneratorCost
{
    private const int Runs = 5;

    public static IEnumerable<Figure> Measure(int sagas)
    {
        var sources = SyntheticSagas.Create(sagas);
        var trees = Compilations.Parse(sources);

        // A fresh compilation per run: a compilation caches what it has bound, and a real build starts cold.
        var parse = Benchmarks.Measure.Median(Runs, () => Compilations.Parse(sources));
        var generate = Benchmarks.Measure.Median(Runs, () => RunFresh(Compilations.Create(trees)));
        var floor = Benchmarks.Measure.Median(Runs, () => RunFresh(Compilations.Create(trees), new FindSagasOnly()));
        var models = Benchmarks.Measure.Median(Runs, () => RunFresh(Compilations.Create(trees), new ModelsOnly()));
        var output = RunFresh(Compilations.Create(trees)).Output;
        var emit = Benchmarks.Measure.Median(Runs, () => Compilations.Emit(output.RemoveAllSyntaxTrees().AddSyntaxTrees(output.SyntaxTrees)));
        var allocated = Benchmarks.Measure.Allocated(() => RunFresh(Compilations.Create(trees)));

        var build = parse + generate + emit;
        yield return Figure.AtMost($"generator share of a full compilation ({sagas} sagas x 5 steps)", Figure.Milliseconds(generate), Figure.Milliseconds(build) + " compilation", generate / build * 100, 3, " %");
        yield return Figure.Info("generator time per saga", Figure.Milliseconds(generate / sagas));
        yield return Figure.Info("  of which finding the [Saga] classes (a generator doing only that)", Figure.Milliseconds(floor), $"{floor / build * 100:0.0} % of the compilation");
        yield return Figure.Info("  of which finding and reading them into models (no output)", Figure.Milliseconds(models), $"{models / build * 100:0.0} % of the compilation");
        yield return Figure.Info("generator allocations per run (per saga)", $"{Figure.Megabytes(allocated)} ({allocated / sagas / 1024} KB)");

        foreach (var (edit, file, from, to) in new[]
        {
            ("unrelated file", SyntheticSagas.UnrelatedFile, "=> 1;", "=> 2;"),
            ("step body of one saga", sources[^1], SyntheticSagas.StepBody, "=> Task.FromResult(new Hold(\"changed-\" + order.Id));"),
        })
        {
            var (time, reEmitted) = Incremental(trees, sources.IndexOf(file), from, to, () => new SagaGenerator());
            var (floorTime, _) = Incremental(trees, sources.IndexOf(file), from, to, () => new FindSagasOnly());
            yield return Figure.AtMost($"re-run after an edit of the {edit} / first run", Figure.Milliseconds(time) + $", {reEmitted} sagas re-emitted", Figure.Milliseconds(generate), time / generate * 100, 5, " %");
            yield return Figure.Info("  a finding-only generator's re-run / its first run", Figure.Milliseconds(floorTime), $"{floorTime / floor * 100:0} % of {Figure.Milliseconds(floor)}");
        }
    }

    private static (GeneratorDriver Driver, Compilation Output) RunFresh(Compilation compilation, IIncrementalGenerator? generator = null)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { (generator ?? new SagaGenerator()).AsSourceGenerator() },
            parseOptions: Compilations.ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        if (diagnostics.Any(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error))
        {
            throw new InvalidOperationException("The generator reported an error on the synthetic sagas: " + diagnostics.First());
        }

        return (driver, output);
    }

    /// <summary>The second run after one edit, on the driver of the first: its time, and how many sagas it emitted again.</summary>
    private static (TimeSpan Time, int ReEmitted) Incremental(List<SyntaxTree> trees, int file, string from, string to, Func<IIncrementalGenerator> generator)
    {
        var edited = trees[file].WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(trees[file].ToString().Replace(from, to, StringComparison.Ordinal)));
        var times = new List<TimeSpan>();
        var reEmitted = 0;
        for (var i = 0; i < Runs; i++)
        {
            var compilation = Compilations.Create(trees);
            var (driver, _) = RunFresh(compilation, generator());
            var next = compilation.ReplaceSyntaxTree(trees[file], edited);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            driver = driver.RunGenerators(next);
            times.Add(clock.Elapsed);
            reEmitted = driver.GetRunResult().Results.Single().TrackedSteps.TryGetValue("SagaDsl.Sagas", out var sagaSteps)
                ? sagaSteps.SelectMany(step => step.Outputs).Count(output => output.Reason is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified)
                : 0;
        }

        return (times.OrderBy(time => time).ElementAt(times.Count / 2), reEmitted);
    }
}
