using System;
using System.Collections.Generic;
using System.Linq;
using SagaDsl.Runtime;

namespace SagaDsl.Testing.Replay;

/// <summary>Reads a scheduled activity of a saga: which step it runs or undoes, its key and its data.</summary>
internal static class SagaActivities
{
    /// <summary>Tells whether <paramref name="activity"/> runs a step or undoes one, and which.</summary>
    /// <param name="definition">The saga.</param>
    /// <param name="activity">The activity type name.</param>
    /// <param name="key">The idempotency key it received.</param>
    /// <param name="workflowId">The workflow id, from which the keys derive.</param>
    /// <returns>The kind and the step; an activity the saga does not declare is a step of its own name.</returns>
    public static (SagaCallKind Kind, string Step) Identify(SagaDefinition definition, string activity, string key, string workflowId)
    {
        if (definition.Steps.FirstOrDefault(step => step.Activity == activity) is { } ran)
        {
            return (SagaCallKind.Step, ran.Name);
        }

        // One method may undo several steps; the key, derived from the step's, tells which.
        var undoing = definition.Steps.Where(step => step.Compensation?.Activity == activity).ToList();
        if (undoing.Count == 0)
        {
            return (SagaCallKind.Step, activity);
        }

        var stepKey = IdempotencyKey.StepKeyOf(key);
        var undone = undoing.FirstOrDefault(step => IdempotencyKey.IsStepKey(stepKey, workflowId, step.Activity)) ?? undoing[0];
        return (SagaCallKind.Compensation, undone.Name);
    }

    /// <summary>Splits generated activity arguments: the idempotency key comes last, the data before it.</summary>
    /// <param name="arguments">The arguments as scheduled.</param>
    /// <returns>The data and the key (empty when the last argument is not a string).</returns>
    public static (IReadOnlyList<object?> Data, string Key) Split(IReadOnlyList<object?> arguments)
    {
        if (arguments.Count > 0 && arguments[arguments.Count - 1] is string key)
        {
            return (arguments.Take(arguments.Count - 1).ToArray(), key);
        }

        return (arguments, string.Empty);
    }
}
