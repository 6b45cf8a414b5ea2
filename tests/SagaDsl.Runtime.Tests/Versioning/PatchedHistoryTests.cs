using System;
using System.Linq;
using System.Threading.Tasks;
using Google.Protobuf;
using SagaDsl.Testing.History;
using Temporalio.Api.History.V1;
using Temporalio.Api.Enums.V1;
using Temporalio.Common;
using Temporalio.Worker;
using Temporalio.Workflows;
using Xunit;

namespace SagaDsl.Runtime.Tests.Versioning;

/// <summary>
/// A workflow versioned with <c>Workflow.Patched</c>, replayed by the SDK core against histories the
/// builder writes: an execution that recorded the patch takes the new path, one started before it the
/// old, and each fails on the other's history. The builder writes what core records for a patch: the
/// marker, and the TemporalChangeVersion upsert that the core flags of every history here require.
/// </summary>
public sealed class PatchedHistoryTests
{
    private const string Queue = "patching";

    [Fact]
    public async Task An_execution_that_recorded_the_patch_replays_on_the_new_path()
    {
        var history = Started().Patched(PatchingWorkflow.Patch).Completes("CheckFraud", Queue).Completes("Charge", Queue).EndsCompleted("new").Build();

        Assert.Null(await ReplayFailureAsync(history));
    }

    [Fact]
    public async Task An_execution_started_before_the_patch_replays_on_the_old_path()
    {
        var history = Started().Completes("Charge", Queue).EndsCompleted("old").Build();

        Assert.Null(await ReplayFailureAsync(history));
    }

    [Fact]
    public async Task Each_path_fails_on_the_others_history()
    {
        var oldPathWithMarker = Started().Patched(PatchingWorkflow.Patch).Completes("Charge", Queue).EndsCompleted("old").Build();
        var newPathWithoutMarker = Started().Completes("CheckFraud", Queue).Completes("Charge", Queue).EndsCompleted("new").Build();

        Assert.NotNull(await ReplayFailureAsync(oldPathWithMarker));
        Assert.NotNull(await ReplayFailureAsync(newPathWithoutMarker));
    }

    [Fact]
    public async Task Core_requires_the_change_version_upsert_after_the_marker()
    {
        var withMarker = Started().Patched(PatchingWorkflow.Patch).Completes("CheckFraud", Queue).Completes("Charge", Queue).EndsCompleted("new").Build();
        var upsert = withMarker.Events.Single(historyEvent => historyEvent.EventType == EventType.UpsertWorkflowSearchAttributes);

        var failure = await ReplayFailureAsync(Without(withMarker, upsert.EventId));

        Assert.Contains("Nondeterminism", failure?.Message, StringComparison.Ordinal);
        Assert.Contains("UpsertWorkflowSearchAttributes", failure?.Message, StringComparison.Ordinal);
    }

    /// <summary>The history as if the event had never been written: later ids, and references to them, one lower.</summary>
    private static WorkflowHistory Without(WorkflowHistory history, long removed)
    {
        var events = history.Events.Where(historyEvent => historyEvent.EventId != removed).Select(historyEvent => historyEvent.Clone()).ToList();
        foreach (var historyEvent in events)
        {
            historyEvent.EventId -= historyEvent.EventId > removed ? 1 : 0;
            if (HistoryEvent.Descriptor.Oneofs[0].Accessor.GetCaseFieldDescriptor(historyEvent)?.Accessor.GetValue(historyEvent) is IMessage attributes)
            {
                foreach (var field in attributes.Descriptor.Fields.InDeclarationOrder().Where(field => field.Name.EndsWith("event_id", StringComparison.Ordinal)))
                {
                    if (field.Accessor.GetValue(attributes) is long id && id > removed)
                    {
                        field.Accessor.SetValue(attributes, id - 1);
                    }
                }
            }
        }

        return new WorkflowHistory(history.Id, events);
    }

    private static WorkflowHistoryBuilder Started() =>
        new("Patching", "patching-1", Queue, "5a6a0000-0000-4000-8000-00000000ab01");

    private static async Task<Exception?> ReplayFailureAsync(WorkflowHistory history) =>
        (await new WorkflowReplayer(new WorkflowReplayerOptions().AddWorkflow<PatchingWorkflow>())
            .ReplayWorkflowAsync(history, throwOnReplayFailure: false)).ReplayFailure;

    [Workflow("Patching")]
    public sealed class PatchingWorkflow
    {
        public const string Patch = "Patching.fraud-check";

        private static readonly ActivityOptions Options = new() { StartToCloseTimeout = TimeSpan.FromMinutes(1), TaskQueue = Queue };

        [WorkflowRun]
        public async Task<string> RunAsync()
        {
            if (Workflow.Patched(Patch))
            {
                await Workflow.ExecuteActivityAsync("CheckFraud", Array.Empty<object?>(), Options);
                await Workflow.ExecuteActivityAsync("Charge", Array.Empty<object?>(), Options);
                return "new";
            }

            await Workflow.ExecuteActivityAsync("Charge", Array.Empty<object?>(), Options);
            return "old";
        }
    }
}
