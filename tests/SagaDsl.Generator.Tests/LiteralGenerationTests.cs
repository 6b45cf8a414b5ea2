using System.Linq;
using SagaDsl.Generator.Tests.Infrastructure;
using Xunit;

namespace SagaDsl.Generator.Tests;

/// <summary>
/// Names and queues with quotes, backslashes, markup and control characters reach the generated
/// code as exact literals, and as readable one-line text in its comments.
/// </summary>
public class LiteralGenerationTests
{
    private const string Source = """
        using System.Threading.Tasks;
        using SagaDsl;

        namespace Quoting;

        public sealed record Parcel(string Id);

        [Saga(Name = "Ship <\"fast\"> &\nco", TaskQueue = "eu\\west\tone")]
        public sealed partial class QuotedSaga
        {
            [SagaStep(1, TaskQueue = "line\nbreak")] public Task Send(Parcel parcel) => Task.CompletedTask;
        }
        """;

    [Fact]
    public void Quotes_backslashes_markup_and_control_characters_are_escaped_in_literals_and_comments()
    {
        var run = GeneratorRun.Run(Source);
        var code = run.Sources.Single().Text;

        Assert.True(run.Problems.Count == 0, string.Join("\n", run.Problems));
        Assert.Contains("public const string WorkflowType = \"Ship <\\\"fast\\\"> &\\nco\";", code, System.StringComparison.Ordinal);
        Assert.Contains("public const string TaskQueue = \"eu\\\\west\\tone\";", code, System.StringComparison.Ordinal);
        Assert.Contains("TaskQueue = \"line\\nbreak\",", code, System.StringComparison.Ordinal);
        Assert.Contains("[global::Temporalio.Activities.Activity(\"Ship <\\\"fast\\\"> &\\nco.Send\")]", code, System.StringComparison.Ordinal);
        Assert.Contains("as activity <c>Ship &lt;\"fast\"&gt; &amp; co.Send</c>.</summary>", code, System.StringComparison.Ordinal);
        Assert.Contains("its queues are eu\\\\west\\tone, line\\nbreak.\"", code, System.StringComparison.Ordinal);
        Assert.Contains("\"    participant Q2 as line break workers\\n\" +", code, System.StringComparison.Ordinal);
    }
}
