using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SagaDsl.Benchmarks.Synthetic;
using SagaDsl.Generator;
using SagaDsl.Testing.Scenarios;
using Synthetic;

namespace SagaDsl.Benchmarks.Figures;

/// <summary>
/// The build a user pays for (issue 18): the synthetic sagas built with the generator against the same
/// sagas written by hand by a careful Temporal engineer, both through a warm compiler server, builds
/// interleaved; and the lines each saga costs. The hand-written saga is first proven to be the same
/// saga: every scenario of the generated one replays through it exactly.
/// </summary>
internal static class BuildCost
{
    private const int BuildRuns = 5;

    public static async Task<List<Figure>> MeasureAsync(int sagas)
    {
        await ProveTwinsAsync();
        var generatedLines = GeneratedLinesPerSaga();
        var handWrittenLines = Lines(HandWrittenSagas.Template);
        var annotatedLines = Lines(SyntheticSagas.Saga(0));

        using var generated = RealBuild.Create(SyntheticSagas.Create(sagas), SyntheticSagas.Shapes(sagas), "SagaDsl.Generator");
        using var handWritten = RealBuild.Create(HandWrittenSagas.Create(sagas), shapes: null);
        generated.WarmUp();
        handWritten.WarmUp();
        var times = Measure.Interleaved(BuildRuns, () => generated.Build(), () => handWritten.Build());

        return new List<Figure>
        {
            Figure.AtMost($"`dotnet build` of {sagas} generated sagas / {sagas} hand-written", Figure.Milliseconds(times[0]), Figure.Milliseconds(times[1]) + " hand-written", times[0] / times[1], 1.5),
            Figure.Info("  lines per saga: written by the user + generated / hand-written", $"{annotatedLines} + {generatedLines}", $"{handWrittenLines} hand-written"),
        };
    }

    /// <summary>
    /// Throws unless the hand-written saga replays every scenario of the generated saga 0 exactly, and
    /// the two files compiled into this program are the ones the builds are made of.
    /// </summary>
    private static async Task ProveTwinsAsync()
    {
        if (Normalize(File.ReadAllText(HandWrittenSagas.SourcePath("Saga0.cs"))) != Normalize(SyntheticSagas.Saga(0))
            || Normalize(File.ReadAllText(HandWrittenSagas.SourcePath("Records.cs"))) != Normalize(SyntheticSagas.Records)
            || Normalize(File.ReadAllText(HandWrittenSagas.SourcePath(SyntheticSagas.ShapesFileName))) != Normalize(SyntheticSagas.Shapes(1)))
        {
            throw new InvalidOperationException($"bench/SagaDsl.Benchmarks/Synthetic/Saga0.cs, Records.cs and {SyntheticSagas.ShapesFileName} must be what SyntheticSagas writes for saga 0.");
        }

        // Every scenario of both shapes: an execution of either must finish the same way on both workflows.
        var order = new Order("order-1", 120m);
        var scenario = SagaScenario.For(Saga0Workflow.Definition)
            .WithInput(order)
            .Step(nameof(Saga0.Reserve)).Returns(new Hold("H-order-1"))
            .Step(nameof(Saga0.Pay)).Returns(new Charge("C-order-1"));
        var scenarios = Saga0Workflow.Shapes.SelectMany(shape => scenario.OnShape(shape).EveryScenario()).ToList();
        await HandWrittenTwin.ReplayBothAsync(scenarios, typeof(HandWrittenSaga0Workflow));
    }

    private static int GeneratedLinesPerSaga()
    {
        var compilation = Compilations.Create(Compilations.Parse(SyntheticSagas.Create(1)));
        var driver = CSharpGeneratorDriver.Create(new[] { new SagaGenerator().AsSourceGenerator() }, Compilations.ShapesFile(1)).RunGenerators(compilation);
        return driver.GetRunResult().GeneratedTrees.Sum(tree => Lines(tree.ToString()));
    }

    private static int Lines(string source) => source.Split('\n').Length - (source.EndsWith('\n') ? 1 : 0);

    private static string Normalize(string source) => source.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd();
}
