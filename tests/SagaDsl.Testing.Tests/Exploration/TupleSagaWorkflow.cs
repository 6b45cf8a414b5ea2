using System;
using System.Threading.Tasks;
using SagaDsl.Runtime;
using Temporalio.Workflows;

namespace SagaDsl.Testing.Tests.Exploration;

/// <summary>A saga whose first step returns a tuple, which the default payload converter writes as <c>{}</c>.</summary>
[Workflow("TupleSaga")]
public sealed class TupleSagaWorkflow
{
    public static SagaDefinition Definition { get; } = new(
        "TupleSaga",
        typeof(TupleSagaWorkflow),
        "TupleSaga",
        "tuples",
        typeof(string),
        ParallelCompensation: false,
        SetsSearchAttributes: false,
        new[]
        {
            new SagaStepDefinition("Pick", 1, "TupleSaga.Pick", "tuples", typeof((string Id, int Count)), IsPivot: false, IsCritical: true, IsAfterPivot: false, MaximumAttempts: 0, Compensation: null),
            new SagaStepDefinition("Ship", 2, "TupleSaga.Ship", "tuples", null, IsPivot: false, IsCritical: true, IsAfterPivot: false, MaximumAttempts: 0, Compensation: null),
        });

    [WorkflowRun]
    public async Task RunAsync(string parcel)
    {
        var options = new ActivityOptions { StartToCloseTimeout = TimeSpan.FromSeconds(30), RetryPolicy = new() { MaximumAttempts = 0 } };
        var picked = await Workflow.ExecuteActivityAsync<(string Id, int Count)>("TupleSaga.Pick", new object?[] { parcel, Key("TupleSaga.Pick") }, options);
        await Workflow.ExecuteActivityAsync("TupleSaga.Ship", new object?[] { picked.Id, picked.Count, Key("TupleSaga.Ship") }, options);
    }

    private static string Key(string activity) => IdempotencyKey.ForStep(Workflow.Info.WorkflowId, Workflow.Info.FirstExecutionRunId, activity);
}
