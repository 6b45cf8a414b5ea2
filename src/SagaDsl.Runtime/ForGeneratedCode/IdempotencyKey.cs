using System;
using System.ComponentModel;
using System.Globalization;
using Temporalio.Workflows;

namespace SagaDsl.Runtime;

/// <summary>Derives the idempotency keys of saga steps and compensations.</summary>
/// <remarks>
/// <para>
/// A step's key is <c>{workflowId}/{scope}/{activity}</c>, where the scope is drawn from the workflow's
/// deterministic randomness when the step is scheduled. Temporal seeds that randomness from the run's
/// original run id and reseeds it at a reset point, so the scope is:
/// </para>
/// <list type="bullet">
/// <item>the same on every replay, activity retry and worker restart: a retried payment never charges twice;</item>
/// <item>new for every run that can reach a service: a cron run, a workflow retry, a continue-as-new and an
/// execution that reuses the workflow id each get their own keys (they all share the first execution run
/// id, which is why that id is not used);</item>
/// <item>kept after a reset for the steps before the reset point, whose effects the reset run may still
/// have to undo, and new for the steps the reset run schedules again, whose earlier effects may have been
/// compensated already.</item>
/// </list>
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class IdempotencyKey
{
    private const string CompensationSuffix = "/compensation";

    /// <summary>Creates the key of a step from a scope the caller chose.</summary>
    /// <param name="workflowId">The saga's workflow id.</param>
    /// <param name="scope">What makes the key unique to one run of the step.</param>
    /// <param name="stepActivity">The step's activity name.</param>
    /// <returns>The key.</returns>
    public static string ForStep(string workflowId, string scope, string stepActivity) =>
        string.Concat(workflowId, "/", scope, "/", stepActivity);

    /// <summary>
    /// Creates the key of a step about to be scheduled by the running workflow. Call it once per step,
    /// before the step's first attempt, and reuse the key when the step is asked again.
    /// </summary>
    /// <param name="stepActivity">The step's activity name.</param>
    /// <returns>The key.</returns>
    public static string NewForStep(string stepActivity) =>
        ForStep(Workflow.Info.WorkflowId, Workflow.NewGuid().ToString("N", CultureInfo.InvariantCulture), stepActivity);

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

    /// <summary>Tells whether a key is the key of a step of a workflow, whatever its scope.</summary>
    /// <param name="key">The key.</param>
    /// <param name="workflowId">The workflow id.</param>
    /// <param name="stepActivity">The step's activity name.</param>
    /// <returns><see langword="true"/> when <paramref name="key"/> is <see cref="ForStep"/> of the two with some scope.</returns>
    public static bool IsStepKey(string key, string workflowId, string stepActivity) =>
        key is not null
        && key.Length > workflowId.Length + stepActivity.Length + 2
        && key.StartsWith(workflowId + "/", StringComparison.Ordinal)
        && key.EndsWith("/" + stepActivity, StringComparison.Ordinal);
}
