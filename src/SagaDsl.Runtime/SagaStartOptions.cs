using System;
using Temporalio.Api.Enums.V1;
using Temporalio.Client;

namespace SagaDsl.Runtime;

/// <summary>
/// The start options of a saga, as the generated client sends them: options that would run one
/// business id twice, or end a saga without compensating it, are refused before the server sees them.
/// </summary>
/// <remarks>
/// A terminated or timed-out workflow runs no more code, so a saga ended that way keeps every effect it
/// took: a reservation, a charge. Cancel a saga instead; it compensates.
/// </remarks>
public static class SagaStartOptions
{
    /// <summary>Creates the options to start a saga with.</summary>
    /// <param name="saga">The saga's name, for messages.</param>
    /// <param name="workflowId">The business id of the execution, such as the order id.</param>
    /// <param name="taskQueue">The workflow's task queue, used unless the options name another.</param>
    /// <param name="options">The caller's options, copied; they are not changed.</param>
    /// <returns>
    /// A copy of <paramref name="options"/> with the id and task queue set and, unless the caller chose
    /// <see cref="WorkflowIdReusePolicy.AllowDuplicateFailedOnly"/>, the reuse policy
    /// <see cref="WorkflowIdReusePolicy.RejectDuplicate"/>: a client that retries a start after a lost
    /// response must not run a completed order a second time.
    /// </returns>
    /// <exception cref="ArgumentException">
    /// The id is empty, or the options would terminate a running saga, time it out or repeat it on a cron
    /// schedule.
    /// </exception>
    public static WorkflowOptions For(string saga, string workflowId, string taskQueue, WorkflowOptions? options)
    {
        if (string.IsNullOrWhiteSpace(workflowId))
        {
            throw new ArgumentException($"Saga {saga} needs a business id, such as the order id, as its workflow id.", nameof(workflowId));
        }

        var start = (WorkflowOptions?)options?.Clone() ?? new WorkflowOptions();
        start.Id = workflowId;
        start.TaskQueue ??= taskQueue;

        // AllowDuplicate is what WorkflowOptions holds until set, so it stands for "not chosen".
        if (start.IdReusePolicy is WorkflowIdReusePolicy.AllowDuplicate or WorkflowIdReusePolicy.Unspecified)
        {
            start.IdReusePolicy = WorkflowIdReusePolicy.RejectDuplicate;
        }

        if (TerminatingOption(start) is { } terminating)
        {
            throw new ArgumentException(
                $"Saga {saga} cannot start with these options: {terminating}, and a terminated or timed-out workflow runs no more "
                + "code, so nothing it did is compensated. Cancel a saga to end it, or give it [Saga(Deadline = ...)]; either compensates.",
                nameof(options));
        }

        if (!string.IsNullOrEmpty(start.CronSchedule))
        {
            throw new ArgumentException(
                $"Saga {saga} cannot run on a CronSchedule: every cron run repeats the first run's input, so the same order would be "
                + "charged again on every run. Start each run from a Temporal Schedule, which gives each its own workflow id and input.",
                nameof(options));
        }

        return start;
    }

    private static string? TerminatingOption(WorkflowOptions start)
    {
#pragma warning disable CS0612 // Obsolete in favour of the conflict policy, yet still honoured by the server.
        if (start.IdReusePolicy == WorkflowIdReusePolicy.TerminateIfRunning)
#pragma warning restore CS0612
        {
            return "IdReusePolicy TerminateIfRunning terminates the running saga of this id";
        }

        if (start.IdConflictPolicy == WorkflowIdConflictPolicy.TerminateExisting)
        {
            return "IdConflictPolicy TerminateExisting terminates the running saga of this id";
        }

        return start.ExecutionTimeout is not null || start.RunTimeout is not null
            ? "an ExecutionTimeout or RunTimeout ends the saga without running any of its code"
            : null;
    }
}
