namespace SagaDsl.Testing.Scenarios;

/// <summary>How a saga run ended.</summary>
public enum SagaOutcome
{
    /// <summary>Every critical step completed; non-critical failures, if any, are in the result.</summary>
    Completed,

    /// <summary>A critical step failed and every completed step was compensated (<c>SagaCompensated</c>).</summary>
    Compensated,

    /// <summary>At least one compensation failed for good and an operator skipped it (<c>SagaCompensationFailed</c>).</summary>
    CompensationFailed,

    /// <summary>
    /// A critical step after the pivot failed and the saga closed (<c>SagaFailedAfterPivot</c>): what
    /// sagas generated before parking did; a history of one still replays to this.
    /// </summary>
    FailedAfterPivot,

    /// <summary>
    /// A compensation, or a critical step after the pivot, failed for good, and the saga waits for an
    /// operator's <c>Retry</c> or <c>Skip</c> update: the scenario's history ends there.
    /// </summary>
    WaitingForOperator,

    /// <summary>The saga was cancelled before its pivot and compensated what it had done.</summary>
    Cancelled,

    /// <summary>
    /// A step may have taken effect and its compensation needs the result it never returned; the rest
    /// was compensated (<c>SagaOutcomeUncertain</c>).
    /// </summary>
    OutcomeUncertain,

    /// <summary>The workflow failed some other way, or did not end: never the outcome of a correct saga.</summary>
    Other,
}
