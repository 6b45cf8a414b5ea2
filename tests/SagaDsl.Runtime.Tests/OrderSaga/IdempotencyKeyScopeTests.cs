using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using global::OrderSaga;
using SagaDsl.Testing.History;
using SagaDsl.Testing.Replay;
using Temporalio.Api.Enums.V1;
using Temporalio.Common;
using Xunit;
using static SagaDsl.Tests.Shared.OrderSagaHistory;

namespace SagaDsl.Runtime.Tests.OrderSaga;

/// <summary>
/// The keys the generated OrderSaga hands to its services, read from what the workflow schedules
/// when the SDK core replays each way an execution can start again. A service deduplicates by key,
/// so a key that repeats across runs turns the second run's charge into a replay of the first.
/// </summary>
public class IdempotencyKeyScopeTests
{
    private const string LaterRunId = "7d2e9f10-4c8b-4a51-b1f0-2a6c9e3d5b02";

    [Fact]
    public async Task Keys_are_the_same_on_every_replay_of_a_run()
    {
        var first = await KeysAsync(Reserved().Build());
        var again = await KeysAsync(Reserved().Build());

        Assert.Equal(first, again);
        Assert.True(IdempotencyKey.IsStepKey(first[Reserve], WorkflowId, Reserve), first[Reserve]);
        Assert.True(IdempotencyKey.IsStepKey(first[Pay], WorkflowId, Pay), first[Pay]);
        Assert.NotEqual(first[Reserve], first[Pay]);
    }

    [Theory]
    [InlineData(ContinueAsNewInitiator.CronSchedule)]
    [InlineData(ContinueAsNewInitiator.Retry)]
    [InlineData(ContinueAsNewInitiator.Workflow)]
    public async Task Every_run_of_a_chain_gets_keys_of_its_own_though_it_shares_the_first_run_id(ContinueAsNewInitiator initiator)
    {
        var first = await KeysAsync(Reserved().Build());
        var later = Reserved().Build();
        var started = later.Events.First().WorkflowExecutionStartedEventAttributes;
        started.OriginalExecutionRunId = LaterRunId;
        started.ContinuedExecutionRunId = RunId;
        started.Initiator = initiator;
        started.Attempt = initiator == ContinueAsNewInitiator.Retry ? 2 : 1;
        started.CronSchedule = initiator == ContinueAsNewInitiator.CronSchedule ? "0 * * * *" : string.Empty;
        Assert.Equal(RunId, started.FirstExecutionRunId);

        var keys = await KeysAsync(later);

        Assert.NotEqual(first[Reserve], keys[Reserve]);
        Assert.NotEqual(first[Pay], keys[Pay]);
    }

    [Fact]
    public async Task A_new_execution_that_reuses_the_workflow_id_gets_keys_of_its_own()
    {
        var first = await KeysAsync(Reserved().Build());
        var second = await KeysAsync(StartOf(LaterRunId)
            .Completes(Reserve, Orders, HeldStock)
            .Build());

        Assert.NotEqual(first[Reserve], second[Reserve]);
        Assert.NotEqual(first[Pay], second[Pay]);
    }

    [Fact]
    public async Task A_reset_keeps_the_keys_of_the_steps_it_keeps_and_gives_the_steps_it_runs_again_new_ones()
    {
        var original = await KeysAsync(Reserved().Build());
        var reset = Reserved()
            .ResetHere(RunId, LaterRunId)
            .StartWorkflowTask();

        var keys = await KeysAsync(reset.Build());

        // The reservation stays in the reset run's history: undoing it must find it by its key.
        Assert.Equal(original[Reserve], keys[Reserve]);
        // The run that was reset may have charged and refunded under its key; this charge is new.
        Assert.NotEqual(original[Pay], keys[Pay]);
    }

    [Fact]
    public async Task A_reset_to_the_first_workflow_task_runs_every_step_under_new_keys()
    {
        var original = await KeysAsync(Reserved().Build());
        var reset = new WorkflowHistoryBuilder("OrderSaga", WorkflowId, Orders, RunId, Order)
            .ResetHere(RunId, LaterRunId)
            .StartWorkflowTask();

        var keys = await KeysAsync(reset.Build());

        Assert.NotEqual(original[Reserve], keys[Reserve]);
    }

    /// <summary>The inventory is reserved, and the workflow task that charges is the history's last.</summary>
    private static WorkflowHistoryBuilder Reserved() => Start().Completes(Reserve, Orders, HeldStock);

    private static async Task<IReadOnlyDictionary<string, string>> KeysAsync(WorkflowHistory history)
    {
        var replay = await SagaReplayer.ReplayAsync(OrderSagaWorkflow.Definition, history);
        Assert.Null(replay.ReplayFailure);
        return replay.Calls.ToDictionary(call => call.Activity, call => call.IdempotencyKey);
    }
}
