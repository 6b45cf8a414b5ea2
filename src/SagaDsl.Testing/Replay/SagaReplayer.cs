using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using SagaDsl.Runtime;
using Temporalio.Common;
using Temporalio.Worker;

namespace SagaDsl.Testing.Replay;

/// <summary>
/// Replays one history of a saga workflow through the Temporal SDK's <see cref="WorkflowReplayer"/>
/// (the real SDK core, no server) and records what the workflow did.
/// </summary>
public static class SagaReplayer
{
    /// <summary>Replays <paramref name="history"/> with the saga's generated workflow, or <paramref name="workflow"/> when given.</summary>
    /// <param name="definition">The saga, from <c>{Saga}Workflow.Definition</c>.</param>
    /// <param name="history">A history of the saga: synthesized, or fetched from a server.</param>
    /// <param name="workflow">A workflow class to replay instead of the generated one, e.g. a hand-written version of the saga.</param>
    /// <param name="cancellationToken">Stops the replay.</param>
    /// <returns>The replayer's verdict and the recorded run.</returns>
    public static async Task<ReplayedRun> ReplayAsync(SagaDefinition definition, WorkflowHistory history, Type? workflow = null, CancellationToken cancellationToken = default)
    {
        var recorder = new CallRecorder(definition ?? throw new ArgumentNullException(nameof(definition)));
        var events = (history ?? throw new ArgumentNullException(nameof(history))).Events;
        // The replay worker reports the history's task queue, so activities that name none show the
        // queue they would really run on.
        var taskQueue = events.FirstOrDefault()?.WorkflowExecutionStartedEventAttributes?.TaskQueue?.Name;
        var options = new WorkflowReplayerOptions
        {
            Interceptors = new[] { recorder },
            TaskQueue = string.IsNullOrEmpty(taskQueue) ? definition.TaskQueue : taskQueue!,
        }.AddWorkflow(workflow ?? definition.Workflow);
        var replay = await new WorkflowReplayer(options).ReplayWorkflowAsync(history, throwOnReplayFailure: false, cancellationToken).ConfigureAwait(false);
        return new ReplayedRun(replay.ReplayFailure, recorder.Calls, recorder.Result, recorder.Failure, recorder.SearchAttributes, recorder.Saga?.Status);
    }
}
