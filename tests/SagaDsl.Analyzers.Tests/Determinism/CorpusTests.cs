using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SagaDsl.Analyzers.Determinism;
using SagaDsl.Analyzers.Shapes;
using SagaDsl.Analyzers.Tests.Verifiers;
using Xunit;

namespace SagaDsl.Analyzers.Tests.Determinism;

/// <summary>
/// Correct workflows in the shapes Temporal users write: no false positive of the determinism or the
/// shape rules on any of them, and a
/// clock read planted in any of them, directly or two calls deep, is found.
/// </summary>
public class CorpusTests
{
    private const string PlantMarker = "/*plant*/";
    private static readonly string CorpusDirectory = Path.Combine(AppContext.BaseDirectory, "Corpus");

    [Fact]
    public async Task Correct_workflows_produce_no_diagnostic()
    {
        var sources = Corpus();

        var diagnostics = await AnalyzeAsync(sources);

        Assert.True(WorkflowCount(sources) >= 15, $"the corpus has {WorkflowCount(sources)} workflows");
        Assert.Empty(diagnostics.Select(diagnostic => diagnostic.ToString()));
    }

    [Theory]
    [InlineData("var planted = DateTime.UtcNow;", "DateTime.UtcNow")]
    [InlineData("var planted = PlantedHelpers.Stamp();", "PlantedHelpers.Stamp → PlantedHelpers.Read → DateTime.UtcNow")]
    public async Task A_planted_clock_read_is_found_in_every_workflow(string plant, string chain)
    {
        var sources = Corpus();
        var runs = sources.Sum(source => Regex.Count(source.Text, Regex.Escape(PlantMarker)));
        var found = 0;
        for (var index = 0; index < runs; index++)
        {
            var diagnostics = await AnalyzeAsync(Plant(sources, index, plant));
            var diagnostic = Assert.Single(diagnostics);
            Assert.Equal("SAGA101", diagnostic.Id);
            Assert.StartsWith(chain + " reads the machine clock", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
            found++;
        }

        Assert.Equal(WorkflowCount(sources), runs);
        Assert.Equal(runs, found);
    }

    private static List<(string Path, string Text)> Corpus() =>
        Directory.GetFiles(CorpusDirectory, "*.cs").OrderBy(path => path, StringComparer.Ordinal).Select(path => (path, File.ReadAllText(path))).ToList();

    private static int WorkflowCount(List<(string Path, string Text)> sources) =>
        sources.Sum(source => Regex.Count(source.Text, @"^\[Workflow\]", RegexOptions.Multiline));

    /// <summary>The corpus with the <paramref name="target"/>-th marker replaced by the plant.</summary>
    private static List<(string Path, string Text)> Plant(List<(string Path, string Text)> sources, int target, string plant)
    {
        var seen = 0;
        return sources.Select(source => (source.Path, Regex.Replace(source.Text, Regex.Escape(PlantMarker), match => seen++ == target ? plant : match.Value))).ToList();
    }

    private static Task<ImmutableArray<Diagnostic>> AnalyzeAsync(List<(string Path, string Text)> sources) => SourceAnalysis.AnalyzeAsync(sources);
}
