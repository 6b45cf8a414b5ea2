using System.Linq;
using SagaDsl.Generator.Tests.Infrastructure;
using Xunit;

namespace SagaDsl.Generator.Tests.Robustness;

/// <summary>
/// User-chosen names that are also names the generated code introduces, or C# keywords: the saga
/// compiles with no error or warning whatever its input and step parameters are called.
/// </summary>
public class NameCollisionTests
{
    /// <summary>Every name the generated workflow, client, search attributes and activities declare next to the saga input or a step parameter.</summary>
    public static TheoryData<string> GeneratedNames() => new()
    {
        "compensations", "deadline", "failure", "progress", "parking", "activities", "workflow", "client",
        "workflowId", "options", "start", "handle", "values", "others", "orderIdValue", "reserveKey",
        "reserveCompensationKey", "reserveResult", "context", "idempotencyKey", "saga", "step", "reason",
        "Options", "SearchAttributes", "Definition", "WorkflowType", "TaskQueue", "Status", "global",
    };

    /// <summary>Keywords and contextual keywords a parameter can be named with <c>@</c> or as they are.</summary>
    public static TheoryData<string> KeywordNames() => new()
    {
        "@event", "@class", "@object", "@base", "@this", "@params", "await", "var", "value", "async", "nameof", "@string",
    };

    [Theory]
    [MemberData(nameof(GeneratedNames))]
    [MemberData(nameof(KeywordNames))]
    public void A_saga_input_of_any_name_compiles_clean(string name)
    {
        var run = GeneratorRun.Run(Saga(input: name, hold: "hold"));

        Assert.True(run.Problems.Count == 0, string.Join("\n", run.Problems.Select(problem => problem.ToString())));
    }

    [Theory]
    [MemberData(nameof(GeneratedNames))]
    [MemberData(nameof(KeywordNames))]
    public void A_step_parameter_of_any_name_compiles_clean(string name)
    {
        var run = GeneratorRun.Run(Saga(input: "order", hold: name));

        Assert.True(run.Problems.Count == 0, string.Join("\n", run.Problems.Select(problem => problem.ToString())));
    }

    /// <summary>Step names that are also names of generated members: the generated code makes room for them.</summary>
    public static TheoryData<string> StepNamesGeneratedCodeMakesRoomFor() => new()
    {
        "Options", "ReserveCompensation", "Status", "Definition", "Diagram", "RunAsync", "RetryAsync", "SkipAsync",
        "ValidateRetry", "TaskQueue", "WorkflowType", "SearchAttributes", "Compensations", "Progress", "Saga",
        // Found by the adversarial fuzzer: the adapters' saga field, a contextual keyword the async
        // workflow cannot take bare, and a step whose camel-case locals meet Reserve's.
        "saga", "await", "reserve", "async", "@event",
    };

    /// <summary>Names a step cannot take (its adapter method or result property would meet them): SAGA020 says which and why.</summary>
    public static TheoryData<string> StepNamesTaken() => new()
    {
        "NonCriticalFailures", "SkippedSteps", "ToString", "GetHashCode", "GetType", "Equals", "MemberwiseClone", "Finalize",
    };

    [Theory]
    [MemberData(nameof(StepNamesGeneratedCodeMakesRoomFor))]
    public void A_step_named_like_a_generated_member_compiles_clean(string name)
    {
        var run = GeneratorRun.Run(Saga(input: "order", hold: "hold", lastStep: name));

        Assert.True(run.Problems.Count == 0, string.Join("\n", run.Problems.Select(problem => problem.ToString())));
    }

    [Theory]
    [MemberData(nameof(StepNamesTaken))]
    public async System.Threading.Tasks.Task A_step_named_like_a_member_its_result_or_adapter_has_is_SAGA020_and_nothing_else(string name)
    {
        var run = GeneratorRun.Run(Saga(input: "order", hold: "hold", lastStep: name));

        var reported = await run.DeclarationProblemsAsync();
        var taken = Assert.Single(reported);
        Assert.Equal("SAGA020", taken.Id);
        Assert.Contains("'" + name + "'", taken.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
        Assert.Empty(run.ProblemsInGeneratedCode);
    }

    [Fact]
    public async System.Threading.Tasks.Task Two_steps_of_one_name_are_SAGA023_on_the_second_and_nothing_else()
    {
        var run = GeneratorRun.Run(Saga(input: "order", hold: "hold", lastStep: "Reserve"));

        var reported = await run.DeclarationProblemsAsync();
        var duplicate = Assert.Single(reported);
        Assert.Equal("SAGA023", duplicate.Id);
        Assert.Contains("'Reserve'", duplicate.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
        Assert.Empty(run.ProblemsInGeneratedCode);
    }

    [Theory]
    [InlineData("@event")]
    [InlineData("@class")]
    [InlineData("await")]
    public void A_search_attribute_property_named_like_a_keyword_compiles_clean(string property)
    {
        var run = GeneratorRun.Run(Saga(input: "order", hold: "hold").Replace("string OrderId", "string " + property, System.StringComparison.Ordinal));

        Assert.True(run.Problems.Count == 0, string.Join("\n", run.Problems.Select(problem => problem.ToString())));
    }

    [Fact]
    public void Search_attribute_properties_named_alike_but_for_case_compile_clean()
    {
        var run = GeneratorRun.Run(Saga(input: "order", hold: "hold").Replace("string OrderId", "string? OrderId, [property: SearchAttribute(\"LegacyOrderId\")] string? orderId", System.StringComparison.Ordinal));

        Assert.True(run.Problems.Count == 0, string.Join("\n", run.Problems.Select(problem => problem.ToString())));
    }

    [Theory]
    [InlineData("System")]
    [InlineData("Temporalio")]
    public async System.Threading.Tasks.Task A_type_at_the_root_named_like_a_namespace_generated_code_needs_is_SAGA020_and_no_code(string name)
    {
        var run = GeneratorRun.Run(Saga(input: "order", hold: "hold"), $"public sealed class {name} {{ }}");

        var taken = Assert.Single(await run.DeclarationProblemsAsync());
        Assert.Equal("SAGA020", taken.Id);
        Assert.Contains($"'{name}'", taken.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public async System.Threading.Tasks.Task A_saga_named_Activities_is_SAGA020()
    {
        var run = GeneratorRun.Run(Saga(input: "order", hold: "hold").Replace("CheckoutSaga", "Activities", System.StringComparison.Ordinal));

        var taken = Assert.Single(await run.DeclarationProblemsAsync());
        Assert.Equal("SAGA020", taken.Id);
        Assert.Empty(run.ProblemsInGeneratedCode);
    }

    [Fact]
    public async System.Threading.Tasks.Task A_compensation_named_like_a_member_of_object_is_SAGA020()
    {
        var run = GeneratorRun.Run(Saga(input: "order", hold: "hold").Replace("Release", "ToString", System.StringComparison.Ordinal));

        var taken = Assert.Single(await run.DeclarationProblemsAsync());
        Assert.Equal("SAGA020", taken.Id);
        Assert.Empty(run.ProblemsInGeneratedCode);
    }

    private static string Saga(string input, string hold, string lastStep = "Reconcile") => $$"""
        using System.Threading.Tasks;
        using SagaDsl;

        namespace Shop;

        public sealed record Order([property: SearchAttribute] string OrderId);
        public sealed record Hold(string Id);

        [Saga(TaskQueue = "shop", Deadline = "01:00:00", PhaseSearchAttribute = "SagaPhase")]
        public partial class CheckoutSaga
        {
            [SagaStep(1), CompensatedBy(nameof(Release))]
            public Hold Reserve(Order {{input}}, StepContext stepContext) => new(stepContext.IdempotencyKey);

            public Task Release(Order {{input}}, StepContext stepContext) => Task.CompletedTask;

            [SagaStep(2, Pivot = true)]
            public void Commit(Hold {{hold}}, Order {{input}}) { }

            [SagaStep(3)]
            public Hold {{lastStep}}(Hold {{hold}}) => {{hold}};
        }
        """;
}
