using System;
using System.Collections.Generic;
using System.Linq;
using SagaDsl.Generator.Tests.Infrastructure;
using Xunit;

namespace SagaDsl.Generator.Tests;

/// <summary>The Markdown diagram file is generated only where the project asks for it through SagaDslDiagramsPath.</summary>
public class DiagramGenerationTests
{
    [Fact]
    public void SagaDslDiagramsPath_adds_the_diagram_as_markdown_in_a_comment()
    {
        var asked = new Dictionary<string, string> { ["SagaDslDiagramsPath"] = "docs/sagas" };

        var run = GeneratorRun.Run(GeneratorRun.Compile(SampleSources.OrderSaga()), buildProperties: asked);

        Assert.Empty(run.Problems.Select(problem => problem.ToString()));
        Snapshot.MatchFiles(run, nameof(DiagramGenerationTests), ".Diagram.g.cs");
    }

    [Fact]
    public void Without_the_property_or_with_it_empty_there_is_no_diagram_file()
    {
        var empty = new Dictionary<string, string> { ["SagaDslDiagramsPath"] = " " };

        var unset = GeneratorRun.Run(SampleSources.OrderSaga());
        var blank = GeneratorRun.Run(GeneratorRun.Compile(SampleSources.OrderSaga()), buildProperties: empty);

        Assert.DoesNotContain(unset.Sources, source => source.HintName.EndsWith(".Diagram.g.cs", StringComparison.Ordinal));
        Assert.DoesNotContain(blank.Sources, source => source.HintName.EndsWith(".Diagram.g.cs", StringComparison.Ordinal));
    }
}
