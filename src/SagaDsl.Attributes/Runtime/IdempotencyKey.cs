using System;

namespace SagaDsl.Runtime;

/// <summary>Derives the idempotency keys of saga steps and compensations.</summary>
/// <remarks>
/// A key is <c>{workflowId}/{firstExecutionRunId}/{activity}</c>. The first execution run id is
/// kept by Temporal across workflow resets (a reset copies the started event) and is new for every
/// fresh execution, even one that reuses the workflow id, so the key changes exactly when it must.
/// Activity id and attempt are left out on purpose: they change on reset and on retry, and a key
/// that changes there would let a retried payment charge twice.
/// </remarks>
public static class IdempotencyKey
{
    private const string CompensationSuffix = "/compensation";

    /// <summary>Creates the key of a step.</summary>
    /// <param name="workflowId">The saga's workflow id.</param>
    /// <param name="firstExecutionRunId">The run id of the saga's first execution.</param>
    /// <param name="stepActivity">The step's activity name.</param>
    /// <returns>The key.</returns>
    public static string ForStep(string workflowId, string firstExecutionRunId, string stepActivity) =>
        string.Concat(workflowId, "/", firstExecutionRunId, "/", stepActivity);

    /// <summary>
    /// Creates the key of the compensation of a step. It is derived from the step rather than the
    /// compensation method, so one method that undoes two steps gets two distinct keys.
    /// </summary>
    /// <param name="stepKey">The key of the step being compensated.</param>
    /// <returns>The key.</returns>
    public static string ForCompensation(string stepKey) =>
        stepKey is null ? throw new ArgumentNullException(nameof(stepKey)) : stepKey + CompensationSuffix;

    /// <summary>
    /// Gets the key of the step a key belongs to: a compensation's key names the step it undoes, so a
    /// service can find the effect to undo by the step's key, even when the step's answer was lost.
    /// </summary>
    /// <param name="key">A step's or a compensation's key.</param>
    /// <returns>The step's key; a step's own key is returned as it is.</returns>
    public static string StepKeyOf(string key) =>
        (key ?? throw new ArgumentNullException(nameof(key))).EndsWith(CompensationSuffix, StringComparison.Ordinal)
            ? key.Substring(0, key.Length - CompensationSuffix.Length)
            : key;
}
