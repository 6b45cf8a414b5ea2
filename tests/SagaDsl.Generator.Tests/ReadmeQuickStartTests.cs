using System;
using System.IO;
using System.Linq;
using SagaDsl.Generator.Tests.Infrastructure;
using SagaDsl.Tests.Shared;
using Xunit;

namespace SagaDsl.Generator.Tests;

/// <summary>The README's quick-start saga, generated as a new user gets it: defaults an operator can live with.</summary>
public class ReadmeQuickStartTests
{
    private static readonly Lazy<string> Generated = new(() =>
    {
        var run = GeneratorRun.Run(QuickStartSaga());
        Assert.Empty(run.Problems.Select(problem => problem.ToString()));
        return run.Sources.Single().Text;
    });

    [Fact]
    public void A_non_critical_step_after_the_pivot_gives_up_after_a_few_attempts()
    {
        Assert.Contains("MaximumAttempts = 3,", OptionsOf("SendReceipt"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_pivot_retries_until_it_has_an_answer()
    {
        Assert.Contains("MaximumAttempts = 0,", OptionsOf("ChargeCard"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_compensation_waits_at_most_a_minute_between_attempts()
    {
        Assert.Contains("MaximumInterval = global::System.TimeSpan.FromMinutes(1),", OptionsOf("HoldStockCompensation"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_client_starts_through_the_guarded_options()
    {
        Assert.Contains("global::SagaDsl.Runtime.SagaStartOptions.For(global::Shop.CheckoutSagaWorkflow.WorkflowType, workflowId, ", Generated.Value, StringComparison.Ordinal);
    }

    private static string OptionsOf(string name)
    {
        var text = Generated.Value;
        var start = text.IndexOf($"public static global::Temporalio.Workflows.ActivityOptions {name} => new()", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no options for {name}");
        return text[start..text.IndexOf("};", start, StringComparison.Ordinal)];
    }

    private static string QuickStartSaga()
    {
        var readme = File.ReadAllText(Repository.PathOf("README.md")).ReplaceLineEndings("\n");
        var saga = readme.IndexOf("[Saga(", StringComparison.Ordinal);
        var start = readme.LastIndexOf("```csharp\n", saga, StringComparison.Ordinal) + "```csharp\n".Length;
        return readme[start..readme.IndexOf("```", saga, StringComparison.Ordinal)];
    }
}
