using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

using SagaDsl.Benchmarks.Synthetic;

namespace SagaDsl.Benchmarks.Figures;

/// <summary>
/// A throw-away project of generated sources, built with a real <c>dotnet build
/// -p:ReportAnalyzer=true</c>, so the compiler itself reports what each analyzer and generator cost.
/// References and analyzers come from this program's own output folder.
/// </summary>
internal sealed partial class RealBuild : IDisposable
{
    private static readonly string[] References = { "Temporalio", "Google.Protobuf", "Microsoft.Extensions.Logging.Abstractions", "SagaDsl.Attributes", "SagaDsl.Runtime" };

    private readonly string directory;

    private RealBuild(string directory) => this.directory = directory;

    /// <summary>
    /// Writes the project, one file per source and the shipped-shapes file when given, with the given
    /// analyzer or generator assemblies, and restores it.
    /// </summary>
    public static RealBuild Create(IReadOnlyList<string> sources, string? shapes, params string[] analyzers)
    {
        var directory = Path.Combine(Path.GetTempPath(), "sagadsl-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        var bin = AppContext.BaseDirectory;
        File.WriteAllText(Path.Combine(directory, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(directory, "Directory.Build.targets"), "<Project />");
        var project = new List<string>
        {
            "<Project Sdk=\"Microsoft.NET.Sdk\">",
            "  <PropertyGroup><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable></PropertyGroup>",
            "  <ItemGroup>",
        };
        project.AddRange(References.Select(assembly => $"    <Reference Include=\"{Path.Combine(bin, assembly + ".dll")}\" />"));
        project.AddRange(analyzers.Select(assembly => $"    <Analyzer Include=\"{Path.Combine(bin, assembly + ".dll")}\" />"));
        if (shapes is not null)
        {
            File.WriteAllText(Path.Combine(directory, SyntheticSagas.ShapesFileName), shapes);
            project.Add($"    <AdditionalFiles Include=\"{SyntheticSagas.ShapesFileName}\" />");
        }

        project.Add("  </ItemGroup>");
        project.Add("</Project>");
        File.WriteAllText(Path.Combine(directory, "Synthetic.csproj"), string.Join('\n', project));
        for (var i = 0; i < sources.Count; i++)
        {
            File.WriteAllText(Path.Combine(directory, $"Source{i.ToString(CultureInfo.InvariantCulture)}.cs"), sources[i]);
        }

        var build = new RealBuild(directory);
        build.Run("dotnet restore");
        return build;
    }

    /// <summary>
    /// A full rebuild in Release: its wall-clock time and the compiler's report. By default through
    /// the compiler server, as <c>dotnet build</c> compiles unless told otherwise; a cold build runs
    /// the compiler in a process of its own, as CI machines that disable the server do.
    /// </summary>
    public (TimeSpan Time, BuildReport Report) Build(bool cold = false)
    {
        var clock = Stopwatch.StartNew();
        var log = Run("dotnet build --no-restore --no-incremental -c Release -p:ReportAnalyzer=true -v:d", sharedCompilation: !cold);
        return (clock.Elapsed, new BuildReport(log));
    }

    /// <summary>
    /// Builds through the compiler server until it runs as it does in a developer's day: the first
    /// build starts it, the next ones give the runtime time to recompile the hot code of the compiler
    /// and of our generator or analyzer, optimized. Measured on 1,000 workflows: 7.9, 7.1, 5.5, 4.9,
    /// 4.1, 3.5, 3.3, 3.1 s for the builds after the first, so a single warm-up build measured a
    /// server still getting faster.
    /// </summary>
    public void WarmUp()
    {
        const int WarmUpBuilds = 5;
        for (var i = 0; i < WarmUpBuilds; i++)
        {
            Build();
        }
    }

    /// <summary>Deletes the project and stops the compiler server its builds started.</summary>
    public void Dispose()
    {
        Run("dotnet build-server shutdown --vbcscompiler", sharedCompilation: true);
        Directory.Delete(directory, recursive: true);
    }

    private string Run(string command, bool sharedCompilation = true)
    {
        var start = new ProcessStartInfo("bash", new[] { "-c", command }) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["UseSharedCompilation"] = sharedCompilation ? "true" : "false";
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

    /// <summary>The compiler's <c>/reportanalyzer</c> table, read from a detailed build log.</summary>
    internal sealed partial class BuildReport
    {
        private readonly string log;

        public BuildReport(string log) => this.log = log;

        /// <summary>The seconds the report gives an analyzer or generator assembly in total.</summary>
        public double Seconds(string assembly)
        {
            // "   0.123   12   SagaDsl.Analyzers, Version=0.1.0.0, ...": the assembly's total in the compiler's report.
            var match = ReportLine().Matches(log).FirstOrDefault(line => line.Groups["assembly"].Value == assembly);
            return match is null ? 0 : double.Parse(match.Groups["seconds"].Value, CultureInfo.InvariantCulture);
        }

        [GeneratedRegex(@"^\s+(?<seconds>\d+\.\d+)\s+<?\d+\s+(?<assembly>[\w.]+), Version=", RegexOptions.Multiline)]
        private static partial Regex ReportLine();
    }
}
