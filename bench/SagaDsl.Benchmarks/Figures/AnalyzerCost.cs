using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
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
internal static partial class AnalyzerCost
{
    private const int Runs = 3;

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

        return times.OrderBy(time => time).ElementAt(times.Count / 2);
    }

    /// <summary>A real build of the synthetic workflows with <c>-p:ReportAnalyzer=true</c>, read from the compiler's report.</summary>
    private static IEnumerable<Figure> MeasureBuild(int workflows)
    {
        var directory = Path.Combine(Path.GetTempPath(), "sagadsl-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        try
        {
            WriteProject(directory, workflows);
            Run(directory, "dotnet restore");
            var reports = new List<(TimeSpan Build, double Ours, double BuiltIn)>();
            for (var i = 0; i < Runs; i++)
            {
                var clock = Stopwatch.StartNew();
                var log = Run(directory, "dotnet build --no-restore --no-incremental -c Release -p:ReportAnalyzer=true -v:d");
                reports.Add((clock.Elapsed, Seconds(log, "SagaDsl.Analyzers"), Seconds(log, "Microsoft.CodeAnalysis.NetAnalyzers") + Seconds(log, "Microsoft.CodeAnalysis.CSharp.NetAnalyzers")));
            }

            var median = reports.OrderBy(report => report.Ours).ElementAt(reports.Count / 2);
            var ours = TimeSpan.FromSeconds(median.Ours);
            var methods = workflows * (SyntheticWorkflows.ChainDepth + 1);
            yield return Figure.AtMost($"SAGA1xx analyzer share of `dotnet build` ({workflows} workflows, {methods} methods)", Figure.Milliseconds(ours), Figure.Milliseconds(median.Build) + " build", ours / median.Build * 100, 5, " %");
            yield return Figure.AtMost("SAGA1xx analyzer time / built-in CA analyzers, same build", Figure.Milliseconds(ours), Figure.Milliseconds(TimeSpan.FromSeconds(median.BuiltIn)) + " CA", median.Ours / median.BuiltIn, 1);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static void WriteProject(string directory, int workflows)
    {
        var bin = AppContext.BaseDirectory;
        string Reference(string assembly) => $"    <Reference Include=\"{Path.Combine(bin, assembly + ".dll")}\" />";
        File.WriteAllText(Path.Combine(directory, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(directory, "Directory.Build.targets"), "<Project />");
        File.WriteAllText(Path.Combine(directory, "Synthetic.csproj"), string.Join('\n',
            "<Project Sdk=\"Microsoft.NET.Sdk\">",
            "  <PropertyGroup><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable></PropertyGroup>",
            "  <ItemGroup>",
            Reference("Temporalio"),
            Reference("Google.Protobuf"),
            Reference("Microsoft.Extensions.Logging.Abstractions"),
            Reference("SagaDsl.Attributes"),
            $"    <Analyzer Include=\"{Path.Combine(bin, "SagaDsl.Analyzers.dll")}\" />",
            "  </ItemGroup>",
            "</Project>"));
        var sources = SyntheticWorkflows.Create(workflows);
        for (var i = 0; i < sources.Count; i++)
        {
            File.WriteAllText(Path.Combine(directory, $"Flow{i.ToString(CultureInfo.InvariantCulture)}.cs"), sources[i]);
        }
    }

    private static double Seconds(string log, string assembly)
    {
        // "   0.123   12   SagaDsl.Analyzers, Version=0.1.0.0, ...": the assembly's total in the compiler's report.
        var match = ReportLine().Matches(log).FirstOrDefault(line => line.Groups["assembly"].Value == assembly);
        return match is null ? 0 : double.Parse(match.Groups["seconds"].Value, CultureInfo.InvariantCulture);
    }

    private static string Run(string directory, string command)
    {
        var start = new ProcessStartInfo("bash", new[] { "-c", command }) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"`{command}` failed:\n{output.Result}\n{error.Result}");
        }

        return output.Result;
    }

    [GeneratedRegex(@"^\s+(?<seconds>\d+\.\d+)\s+<?\d+\s+(?<assembly>[\w.]+), Version=", RegexOptions.Multiline)]
    private static partial Regex ReportLine();
}
