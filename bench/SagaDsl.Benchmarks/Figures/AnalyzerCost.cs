using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SagaDsl.Analyzers.Determinism;
using SagaDsl.Benchmarks.Synthetic;

namespace SagaDsl.Benchmarks.Figures;

/// <summary>
/// The SAGA1xx determinism analyzer on workflows with helper chains five deep: its share of a real
/// `dotnet build`, against the SDK's built-in CA analyzers in the same build, and how its time grows
/// with the call graph (target 3 of issue 7).
/// </summary>
internal static class AnalyzerCost
{
    private const int Runs = 3;

    // Real builds on this machine vary by a factor of two from one to the next (the CA analyzers
    // alike); five make the median steadier than three.
    private const int BuildRuns = 5;

    public static async Task<List<Figure>> MeasureAsync(int workflows)
    {
        var figures = new List<Figure>();
        figures.AddRange(MeasureBuild(workflows));

        // Linear: the same shape at 1x and 10x the methods, analyzer time only, one thread.
        var small = await AnalyzerTimeAsync(workflows / 5);
        var large = await AnalyzerTimeAsync(workflows * 2);
        var smallMethods = workflows / 5 * (SyntheticWorkflows.ChainDepth + 1);
        var largeMethods = workflows * 2 * (SyntheticWorkflows.ChainDepth + 1);
        var growth = large / small / ((double)largeMethods / smallMethods);
        figures.Add(Figure.AtMost(
            $"analyzer time per method, {largeMethods} vs {smallMethods} methods",
            Figure.Milliseconds(large) + $" / {largeMethods}",
            Figure.Milliseconds(small) + $" / {smallMethods}",
            growth,
            1.5));
        return figures;
    }

    private static async Task<TimeSpan> AnalyzerTimeAsync(int workflows)
    {
        var trees = Compilations.Parse(SyntheticWorkflows.Create(workflows));
        var times = new List<TimeSpan>();
        for (var i = 0; i <= Runs; i++)
        {
            var analyzer = new WorkflowDeterminismAnalyzer();
            var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true);
            var withAnalyzers = Compilations.Create(trees).WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(analyzer), options);
            var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync().ConfigureAwait(false);
            if (!diagnostics.IsEmpty)
            {
                throw new InvalidOperationException("The synthetic workflows are meant to be clean: " + diagnostics[0]);
            }

            var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, default).ConfigureAwait(false);
            if (i > 0)
            {
                times.Add(telemetry.ExecutionTime);
            }
        }

        return Measure.MedianBy(times, time => time);
    }

    /// <summary>A real build of the synthetic workflows with <c>-p:ReportAnalyzer=true</c>, read from the compiler's report.</summary>
    private static IEnumerable<Figure> MeasureBuild(int workflows)
    {
        using var project = RealBuild.Create(SyntheticWorkflows.Create(workflows), shapes: null, "SagaDsl.Analyzers");
        var reports = new List<(TimeSpan Build, double Ours, double BuiltIn)>();

        project.WarmUp();
        for (var i = 0; i < BuildRuns; i++)
        {
            var (time, report) = project.Build();
            reports.Add((time, report.Seconds("SagaDsl.Analyzers"), report.Seconds("Microsoft.CodeAnalysis.NetAnalyzers") + report.Seconds("Microsoft.CodeAnalysis.CSharp.NetAnalyzers")));
        }

        var median = Measure.MedianBy(reports, report => report.Ours);
        var ours = TimeSpan.FromSeconds(median.Ours);
        var methods = workflows * (SyntheticWorkflows.ChainDepth + 1);
        yield return Figure.AtMost($"SAGA1xx analyzer share of `dotnet build` ({workflows} workflows, {methods} methods)", Figure.Milliseconds(ours), Figure.Milliseconds(median.Build) + " build", ours / median.Build * 100, 5, " %");
        yield return Figure.AtMost("SAGA1xx analyzer time / built-in CA analyzers, same build", Figure.Milliseconds(ours), Figure.Milliseconds(TimeSpan.FromSeconds(median.BuiltIn)) + " CA", median.Ours / median.BuiltIn, 1);
    }
}
