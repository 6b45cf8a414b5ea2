using System.Collections.Generic;
using SagaDsl.Runtime;
using SagaDsl.Testing.Replay;

namespace SagaDsl.Testing.Scenarios;

/// <summary>
/// Reads idempotency keys the way a scenario states them. A step's key carries a scope drawn from the
/// workflow's seeded randomness, which nothing outside the SDK can predict, so a scenario writes the
/// scope as <see cref="Scope"/>, and a replayed key reads the same only when it is the key of its
/// step, and a compensation's only when it derives from the key its step ran with in this replay.
/// </summary>
internal sealed class ScenarioKeys
{
    /// <summary>The scope a scenario writes in the keys it expects.</summary>
    public const string Scope = "…";

    private readonly Dictionary<string, string> stated = new(System.StringComparer.Ordinal);

    /// <summary>Initializes a new instance of the <see cref="ScenarioKeys"/> class from the steps a replay scheduled.</summary>
    /// <param name="workflowId">The workflow id every key starts with.</param>
    /// <param name="calls">The replay's calls.</param>
    public ScenarioKeys(string workflowId, IEnumerable<SagaCall> calls)
    {
        foreach (var call in calls)
        {
            if (call.Kind == SagaCallKind.Step && IdempotencyKey.IsStepKey(call.IdempotencyKey, workflowId, call.Activity))
            {
                stated[call.IdempotencyKey] = OfStep(workflowId, call.Activity);
            }
        }
    }

    /// <summary>Gets the key a scenario expects for a step.</summary>
    /// <param name="workflowId">The workflow id.</param>
    /// <param name="activity">The step's activity.</param>
    /// <returns>The key with its scope written as <see cref="Scope"/>.</returns>
    public static string OfStep(string workflowId, string activity) => IdempotencyKey.ForStep(workflowId, Scope, activity);

    /// <summary>Reads a replayed key as a scenario states it; a key of no step this replay scheduled stays as it is.</summary>
    /// <param name="key">A step's or a compensation's key.</param>
    /// <returns>The key as stated.</returns>
    public string Read(string? key)
    {
        if (key is null)
        {
            return string.Empty;
        }

        var stepKey = IdempotencyKey.StepKeyOf(key);
        if (!stated.TryGetValue(stepKey, out var step))
        {
            return key;
        }

        return stepKey.Length == key.Length ? step : IdempotencyKey.ForCompensation(step);
    }
}
