using System;
using System.IO;
using SagaDsl.Tests.Shared;
using Xunit;

namespace SagaDsl.Runtime.Tests.Scenarios;

/// <summary>The README's example test is the one that compiles and runs here, line for line.</summary>
public class ReadmeExampleTests
{
    [Fact]
    public void The_readme_shows_the_example_test_that_runs()
    {
        var readme = File.ReadAllText(Repository.PathOf("README.md")).ReplaceLineEndings("\n");
        var example = File.ReadAllText(Repository.PathOf("tests", "SagaDsl.Runtime.Tests", "Scenarios", "ReadmeExample.cs")).ReplaceLineEndings("\n");
        var body = example[example.IndexOf("using OrderSaga;", StringComparison.Ordinal)..].Replace("\nnamespace ShopTests;\n", string.Empty, StringComparison.Ordinal);

        Assert.Contains("```csharp\n" + body + "```", readme, StringComparison.Ordinal);
    }
}
