namespace SagaDsl.Runtime;

/// <summary>
/// The <c>ApplicationFailure</c> error types a saga workflow fails with. A client sees them as the
/// <c>ErrorType</c> of the workflow failure's cause and can search for them in Temporal.
/// </summary>
public static class SagaFailureTypes
{
    /// <summary>
    /// A critical step failed and every completed step was compensated. The failure's cause is the
    /// step's failure; its details list the compensated steps.
    /// </summary>
    public const string Compensated = "SagaCompensated";

    /// <summary>
    /// A critical step failed (or the saga was cancelled) and at least one compensation failed for
    /// good. Its details list every failed compensation: these need manual repair.
    /// </summary>
    public const string CompensationFailed = "SagaCompensationFailed";

    /// <summary>
    /// A critical step after the pivot failed for good. Nothing is compensated (the pivot is the
    /// point of no return); the saga needs manual follow-up to finish.
    /// </summary>
    public const string FailedAfterPivot = "SagaFailedAfterPivot";

    /// <summary>
    /// A step before the pivot ended without a definite answer (a timeout, exhausted retries, a
    /// cancel between attempts), so it may have taken effect, and its compensation needs the result
    /// the step never returned. Everything else was compensated; the details list each such step
    /// with its idempotency key, for manual follow-up.
    /// </summary>
    public const string OutcomeUncertain = "SagaOutcomeUncertain";

    /// <summary>
    /// The saga's deadline passed before its pivot started: the running step was cancelled and the
    /// saga compensated. It appears as the cause of the <see cref="Compensated"/> (or other) failure.
    /// </summary>
    public const string DeadlinePassed = "SagaDeadlinePassed";
}
