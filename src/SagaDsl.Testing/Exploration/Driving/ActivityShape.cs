using System.Threading;
using Temporalio.Workflows;

namespace SagaDsl.Testing.Exploration.Driving;

/// <summary>The options of a scheduled activity that decide what the environment can answer.</summary>
/// <param name="MaximumAttempts">The retry policy's maximum attempts; 0 retries without limit.</param>
/// <param name="HasScheduleToClose">Whether a schedule-to-close timeout can end it however often it retries.</param>
/// <param name="HasHeartbeat">Whether it has a heartbeat timeout, so a silent attempt times out early.</param>
/// <param name="CancellationType">What the workflow does when it cancels the activity.</param>
/// <param name="Detached">Whether it runs on <see cref="CancellationToken.None"/>, so workflow cancellation never reaches it.</param>
internal sealed record ActivityShape(int MaximumAttempts, bool HasScheduleToClose, bool HasHeartbeat, ActivityCancellationType CancellationType, bool Detached)
{
    /// <summary>Gets whether a retryable error or a per-attempt timeout reaches the workflow, after the last attempt.</summary>
    public bool AttemptsLimited => MaximumAttempts > 0;

    /// <summary>Gets whether an earlier attempt can have taken effect before a later one failed or was cancelled.</summary>
    public bool Retries => MaximumAttempts != 1;

    public static ActivityShape Of(ActivityOptions options) => new(
        options.RetryPolicy?.MaximumAttempts ?? 0,
        options.ScheduleToCloseTimeout is not null,
        options.HeartbeatTimeout is not null,
        options.CancellationType,
        options.CancellationToken is { } token && token == CancellationToken.None);
}
