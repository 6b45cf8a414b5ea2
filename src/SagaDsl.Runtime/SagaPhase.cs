using System.Text.Json.Serialization;

namespace SagaDsl.Runtime;

/// <summary>Where a saga stands, as its <c>Status</c> query reports it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter))]
public enum SagaPhase
{
    /// <summary>Its steps run.</summary>
    Running,

    /// <summary>A step failed or the saga was cancelled before the pivot: its compensations run.</summary>
    Compensating,

    /// <summary>Every step ran (non-critical ones may have failed).</summary>
    Completed,

    /// <summary>A step failed and everything that took effect, or may have, was undone.</summary>
    Compensated,

    /// <summary>The saga was cancelled before the pivot and everything it did was undone.</summary>
    Cancelled,

    /// <summary>
    /// A compensation used up a round of attempts without an answer and runs again with its key, for as
    /// long as it takes; the saga says so here until every such compensation has its answer.
    /// </summary>
    RetryingCompensation,

    /// <summary>
    /// A compensation, or a critical step after the pivot, failed for good: the saga waits until an
    /// operator tells it to retry or skip each one. Cancellation does not end the wait.
    /// </summary>
    WaitingForOperator,

    /// <summary>At least one compensation failed for good and an operator skipped it: an effect is left in place, with the reason.</summary>
    CompensationFailed,

    /// <summary>Every compensation ran, but a step that may have taken effect could not be undone.</summary>
    OutcomeUncertain,

    /// <summary>
    /// A critical step after the pivot failed for good and the saga closed. Sagas generated now park
    /// instead (<see cref="WaitingForOperator"/>); executions of earlier versions may still report it.
    /// </summary>
    FailedAfterPivot,
}
