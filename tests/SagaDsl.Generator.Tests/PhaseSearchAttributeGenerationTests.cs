using System;
using System.Linq;
using SagaDsl.Generator.Tests.Infrastructure;
using Xunit;

namespace SagaDsl.Generator.Tests;

/// <summary>The phase search attribute, in a saga that has no other attribute and no input.</summary>
public class PhaseSearchAttributeGenerationTests
{
    private const string Source = """
        using System.Threading.Tasks;
        using SagaDsl;

        namespace Nightly;

        [Saga(PhaseSearchAttribute = "SagaPhase")]
        public sealed partial class RollupSaga
        {
            [SagaStep(1), CompensatedBy(nameof(Discard))] public Task Aggregate(StepContext context) => Task.CompletedTask;
            public Task Discard(StepContext context) => Task.CompletedTask;
            [SagaStep(2)] public Task Publish() => Task.CompletedTask;
        }
        """;

    [Fact]
    public void A_saga_without_input_keeps_its_phase_from_the_start_and_sends_it_with_the_start()
    {
        var run = GeneratorRun.Run(Source);
        var generated = run.Sources.Single().Text;

        Assert.Empty(run.Problems.Select(problem => problem.ToString()));
        Assert.Contains("public static readonly global::Temporalio.Common.SearchAttributeKey<string> Phase = global::Temporalio.Common.SearchAttributeKey.CreateKeyword(\"SagaPhase\");", generated, StringComparison.Ordinal);
        Assert.Contains("= new global::Temporalio.Common.SearchAttributeKey[] { Phase };", generated, StringComparison.Ordinal);
        Assert.Contains("SearchAttributes.Phase.ValueSet(\"Running\"));", generated, StringComparison.Ordinal);
        Assert.Contains("new(WorkflowType, SearchAttributes.Phase);", generated, StringComparison.Ordinal);
        Assert.Contains("public static global::Temporalio.Common.SearchAttributeCollection ForStart(global::Temporalio.Common.SearchAttributeCollection? others = null)", generated, StringComparison.Ordinal);
        Assert.Contains("start.TypedSearchAttributes = global::Nightly.RollupSagaWorkflow.SearchAttributes.ForStart(start.TypedSearchAttributes);", generated, StringComparison.Ordinal);
        Assert.Contains("SetsSearchAttributes: true,", generated, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_option_no_attribute_is_set()
    {
        var generated = GeneratorRun.Run(Source.Replace("[Saga(PhaseSearchAttribute = \"SagaPhase\")]", "[Saga]", StringComparison.Ordinal)).Sources.Single().Text;

        Assert.DoesNotContain("SearchAttributes", generated.Replace("SetsSearchAttributes: false", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
