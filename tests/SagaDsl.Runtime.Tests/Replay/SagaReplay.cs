using System;
using System.Threading.Tasks;
using Temporalio.Common;
using Temporalio.Worker;

namespace SagaDsl.Runtime.Tests.Replay;

/// <summary>What replaying one history produced: the core's verdict and what the workflow did.</summary>
internal sealed record SagaReplay(Exception? ReplayFailure, SagaRecorder Recorded)
{
    public static async Task<SagaReplay> RunAsync<TWorkflow>(WorkflowHistory history)
    {
        var recorder = new SagaRecorder();
        var options = new WorkflowReplayerOptions { Interceptors = new[] { recorder } }.AddWorkflow<TWorkflow>();
        var result = await new WorkflowReplayer(options).ReplayWorkflowAsync(history, throwOnReplayFailure: false);
        return new SagaReplay(result.ReplayFailure, recorder);
    }
}
