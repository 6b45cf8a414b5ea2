using System;

namespace SagaDsl.Testing.Exploration.Driving;

/// <summary>How the workflow's run method ended in the replayed task.</summary>
internal enum WorkflowEndKind
{
    /// <summary>It returned: the workflow completes.</summary>
    Completed,

    /// <summary>It threw a failure: the workflow fails.</summary>
    Failed,

    /// <summary>It threw a cancellation after a cancel request: the workflow is cancelled.</summary>
    Cancelled,

    /// <summary>It threw anything else: the workflow task fails and is retried for ever, the saga stuck.</summary>
    TaskFailed,
}

/// <summary>How the run method ended, with what it returned or threw.</summary>
internal sealed record WorkflowEnd(WorkflowEndKind Kind, object? Result, Exception? Exception);
