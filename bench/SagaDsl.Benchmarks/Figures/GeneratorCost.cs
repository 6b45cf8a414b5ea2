using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SagaDsl.Benchmarks.Synthetic;
using SagaDsl.Generator;

namespace SagaDsl.Benchmarks.Figures;

/// <summary>
/// The generator on a project of many sagas: its share of a full compilation, its allocations, and
/// what an edit costs once the pipeline has run, against the re-run of a generator that only reads the
/// models (targets 1 and 2 of issue 7, the re-run target as issue 18 restates it).
/// </summary>
internal static class GeneratorCost
{
    // Seven, not five: the compilation the share is taken of varies by a tenth from run to run here.
    private const int Runs = 7;

    public static IEnumerable<Figure> Measure(int sagas)
    {
        var sources = SyntheticSagas.Create(sagas);
        var trees = Compilations.Parse(sources);
        var shapes = Compilations.ShapesFile(sagas);

        // A fresh compilation per run: a compilation caches what it has bound, and a real build starts cold.
        // The generators' figures are the driver's own timing of the generator, as the compiler reports
        // it; the compilation's figure is the wall time of every stage, the generator run included.
        var output = RunFresh(Compilations.Create(trees), shapes).Output;
        var (generated, found, read) = (new List<TimeSpan>(), new List<TimeSpan>(), new List<TimeSpan>());
        var times = Benchmarks.Measure.Interleaved(
            Runs,
            () => Compilations.Parse(sources),
            () => generated.Add(GeneratorTime(RunFresh(Compilations.Create(trees), shapes).Driver)),
            () => found.Add(GeneratorTime(RunFresh(Compilations.Create(trees), shapes, new FindSagasOnly()).Driver)),
            () => read.Add(GeneratorTime(RunFresh(Compilations.Create(trees), shapes, new ModelsOnly()).Driver)),
            () => Compilations.Emit(output.RemoveAllSyntaxTrees().AddSyntaxTrees(output.SyntaxTrees)));
        var (parse, generatorRun, emit) = (times[0], times[1], times[4]);
        var (generate, floor, models) = (TimedRuns(generated), TimedRuns(found), TimedRuns(read));
        var allocated = Benchmarks.Measure.Allocated(() => RunFresh(Compilations.Create(trees), shapes));

        var build = parse + generatorRun + emit;
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
            // The floor the API allows (issue 18): ForAttributeWithMetadataName reads every saga into its model
            // again on any edit, so a generator that only reads the models re-runs at that cost.
            var (time, reEmitted) = Incremental(trees, shapes, sources.IndexOf(file), from, to, () => new SagaGenerator());
            var (modelsTime, _) = Incremental(trees, shapes, sources.IndexOf(file), from, to, () => new ModelsOnly());
            var (floorTime, _) = Incremental(trees, shapes, sources.IndexOf(file), from, to, () => new FindSagasOnly());
            yield return Figure.AtMost($"re-run after an edit of the {edit} / a models-only generator's re-run", Figure.Milliseconds(time) + $", {reEmitted} sagas re-emitted", Figure.Milliseconds(modelsTime) + " models only", time / modelsTime, 1.1);
            yield return Figure.Info("  the same / this generator's first run", $"{time / generate * 100:0.0} %", Figure.Milliseconds(generate));
            yield return Figure.Info("  a finding-only generator's re-run / this generator's first run", Figure.Milliseconds(floorTime), $"{floorTime / generate * 100:0.0} % of {Figure.Milliseconds(generate)}");
        }

        foreach (var figure in MeasureBuild(sources, SyntheticSagas.Shapes(sagas)))
        {
            yield return figure;
        }
    }

    /// <summary>
    /// The same sagas in a real <c>dotnet build</c>: the generator's time as the compiler reports it,
    /// through the compiler server and in a cold compiler process, and the build of the same sources
    /// without the generator, whose difference is mostly compiling what the generator wrote.
    /// </summary>
    private static IEnumerable<Figure> MeasureBuild(List<string> sources, string shapes)
    {
        const int BuildRuns = 3;
        (TimeSpan Time, double Generator) Median(IEnumerable<(TimeSpan Time, RealBuild.BuildReport Report)> builds) =>
            Benchmarks.Measure.MedianBy(builds.Select(build => (build.Time, Generator: build.Report.Seconds("SagaDsl.Generator"))), build => build.Generator);

        (TimeSpan Time, double Generator) warm, cold;
        TimeSpan withoutGenerator;
        using (var project = RealBuild.Create(sources, shapes, "SagaDsl.Generator"))
        {
            cold = Median(Enumerable.Range(0, BuildRuns).Select(_ => project.Build(cold: true)));

            // Warm builds are the ones through a server that has settled, as in an IDE or a
            // developer's repeated builds.
            project.WarmUp();
            warm = Median(Enumerable.Range(0, BuildRuns).Select(_ => project.Build()));
        }

        using (var project = RealBuild.Create(sources, shapes))
        {
            withoutGenerator = Benchmarks.Measure.MedianBy(Enumerable.Range(0, BuildRuns).Select(_ => project.Build().Time), time => time);
        }

        var sagas = sources.Count - 2;
        var warmGenerator = TimeSpan.FromSeconds(warm.Generator);
        var coldGenerator = TimeSpan.FromSeconds(cold.Generator);
        yield return Figure.AtMost($"generator share of `dotnet build` ({sagas} sagas), compiler's report", Figure.Milliseconds(warmGenerator), Figure.Milliseconds(warm.Time) + " build", warmGenerator / warm.Time * 100, 3, " %");
        yield return Figure.Info("  the same without the compiler server (a cold compiler process)", Figure.Milliseconds(coldGenerator), $"{coldGenerator / cold.Time * 100:0.0} % of {Figure.Milliseconds(cold.Time)}");
        yield return Figure.Info("  `dotnet build` of the same sources without the generator", Figure.Milliseconds(withoutGenerator), $"{warm.Time / withoutGenerator:0.0}x as long with it");
    }

    /// <summary>
    /// One run on a new driver. Step tracking is off unless asked for, as in a compiler's build: it
    /// records every step's inputs and outputs, which costs time the generator itself does not.
    /// </summary>
    private static (GeneratorDriver Driver, Compilation Output) RunFresh(Compilation compilation, ImmutableArray<AdditionalText> shapes, IIncrementalGenerator? generator = null, bool trackSteps = false)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { (generator ?? new SagaGenerator()).AsSourceGenerator() },
            additionalTexts: shapes,
            parseOptions: Compilations.ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        if (diagnostics.Any(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error))
        {
            throw new InvalidOperationException("The generator reported an error on the synthetic sagas: " + diagnostics.First());
        }

        return (driver, output);
    }

    /// <summary>The driver's timing of the generator in its last run: the figure the compiler reports per generator.</summary>
    private static TimeSpan GeneratorTime(GeneratorDriver driver) => driver.GetTimingInfo().GeneratorTimes.Single().ElapsedTime;

    /// <summary>The median of the runs after the warm-up rounds, which come first in the list.</summary>
    private static TimeSpan TimedRuns(List<TimeSpan> runs) => Benchmarks.Measure.MedianBy(runs.Skip(runs.Count - Runs), time => time);

    /// <summary>
    /// The second run after one edit, on the driver of the first: its median time untracked, and how many
    /// sagas a tracked second run emitted again.
    /// </summary>
    private static (TimeSpan Time, int ReEmitted) Incremental(List<SyntaxTree> trees, ImmutableArray<AdditionalText> shapes, int file, string from, string to, Func<IIncrementalGenerator> generator)
    {
        var edited = trees[file].WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(trees[file].ToString().Replace(from, to, StringComparison.Ordinal)));
        (GeneratorDriver Driver, TimeSpan Time) SecondRun(bool trackSteps)
        {
            var compilation = Compilations.Create(trees);
            var (driver, _) = RunFresh(compilation, shapes, generator(), trackSteps);
            var next = compilation.ReplaceSyntaxTree(trees[file], edited);

            // The first run's garbage is not the second run's cost.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            driver = driver.RunGenerators(next);
            return (driver, GeneratorTime(driver));
        }

        var tracked = SecondRun(trackSteps: true).Driver.GetRunResult().Results.Single();
        var reEmitted = tracked.TrackedSteps.TryGetValue("SagaDsl.Sagas", out var sagaSteps)
            ? sagaSteps.SelectMany(step => step.Outputs).Count(output => output.Reason is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified)
            : 0;
        return (Benchmarks.Measure.MedianBy(Enumerable.Range(0, Runs).Select(_ => SecondRun(trackSteps: false).Time), time => time), reEmitted);
    }
}
