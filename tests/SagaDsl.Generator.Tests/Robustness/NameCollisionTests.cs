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

    private static string Saga(string input, string hold) => $$"""
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
            public void Reconcile(Hold {{hold}}) { }
        }
        """;
}
