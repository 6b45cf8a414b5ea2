using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Temporalio.Common;
using Temporalio.Converters;
using Temporalio.Runtime;
using Temporalio.Worker;
using Temporalio.Workflows;

namespace SagaDsl.Testing.Exploration.Driving;

/// <summary>
/// Replays batches of history prefixes through the Temporal SDK's <see cref="WorkflowReplayer"/>
/// and returns what the workflow did in each. One replayer runs a batch one history at a time, in
/// order, so the recorder writes into the observation of the history being replayed.
/// </summary>
internal sealed class TaskReplayer
{
    // The core logs every failed workflow task at WARN; exploring a broken workflow fails thousands.
    private static readonly Lazy<TemporalRuntime> QuietRuntime = new(() => new TemporalRuntime(new TemporalRuntimeOptions(new TelemetryOptions { Logging = null })));

    private readonly TaskRecorder recorder;
    private readonly WorkflowReplayerOptions options;

    public TaskReplayer(Type workflow, string taskQueue, DataConverter converter)
    {
        recorder = new TaskRecorder(WorkflowDefinition.Create(workflow).FailureExceptionTypes ?? Array.Empty<Type>());
        options = new WorkflowReplayerOptions
        {
            TaskQueue = taskQueue,
            DataConverter = converter,
            Interceptors = new[] { recorder },
            Runtime = QuietRuntime.Value,
        }.AddWorkflow(workflow);
        options.WorkflowTaskCompleted += (instance, completed) =>
        {
            if (recorder.Current is not { } observation)
            {
                return;
            }

            if (completed.TaskFailureException is { } failure)
            {
                observation.TaskFailure ??= failure;
            }

            recorder.TaskEnded(instance);
        };
    }

    public async Task<IReadOnlyList<TaskObservation>> ReplayAsync(IReadOnlyList<WorkflowHistory> histories, CancellationToken cancellationToken)
    {
        var observations = histories.Select(history => new TaskObservation(OpenTaskLength(history))).ToArray();
        var results = (await new WorkflowReplayer(options)
            .ReplayWorkflowsAsync(OneAtATime(histories, observations), throwOnReplayFailure: false, cancellationToken)
            .ConfigureAwait(false)).ToList();
        for (var index = 0; index < results.Count; index++)
        {
            observations[index].ReplayFailure = results[index].ReplayFailure;
        }

        return observations;
    }

    private static int OpenTaskLength(WorkflowHistory history) =>
        (int)history.Events.Last(historyEvent => historyEvent.EventType == Temporalio.Api.Enums.V1.EventType.WorkflowTaskStarted).EventId;

    // The replayer pulls the next history only once the previous one has finished.
    private IEnumerable<WorkflowHistory> OneAtATime(IReadOnlyList<WorkflowHistory> histories, TaskObservation[] observations)
    {
        for (var index = 0; index < histories.Count; index++)
        {
            recorder.Current = observations[index];
            yield return histories[index];
        }

        recorder.Current = null;
    }
}
