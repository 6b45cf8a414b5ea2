using System;
using System.Collections.Generic;
using System.Linq;
using SagaDsl.Runtime;
using SagaDsl.Testing.Replay;

namespace SagaDsl.Testing.Exploration.World;

/// <summary>
/// The default world: each step has one effect, identified by its idempotency key, and each
/// compensation undoes the effect of the key it derives from. It keeps the service contract of
/// docs/semantics.md: a key whose effect was compensated, or that was compensated before any effect
/// arrived, is dead, and a later call with it is refused.
/// </summary>
/// <remarks>
/// Unless the saga compensates in parallel, each step's effect builds on the ones before it (the
/// payment is for the reserved stock), so two effects that are both undone must be undone newest
/// first. An effect that stays because its compensation failed for good is not an ordering problem:
/// the saga must report it as owed, which the explorer checks.
/// </remarks>
public class EffectLedger : SagaWorld
{
    private readonly SagaDefinition saga;
    private readonly IReadOnlyDictionary<string, object?> results;
    private readonly bool retiresCompensatedKeys;
    private readonly Dictionary<string, KeyState> keys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> stepOfKey = new(StringComparer.Ordinal);
    private readonly List<(string Undone, string By, string Later, string LaterKey)> undoneBeforeLater = new();
    private readonly HashSet<string> undoneByWorkflow = new(StringComparer.Ordinal);
    private bool workflowEnded;

    /// <summary>Initializes a new instance of the <see cref="EffectLedger"/> class.</summary>
    /// <param name="saga">The saga: its steps' order, and whether it compensates in parallel.</param>
    /// <param name="results">What each step returns, by step name; an unlisted step returns <c>null</c>.</param>
    /// <param name="retiresCompensatedKeys">
    /// Whether the services keep the contract and refuse a call whose key was compensated; false
    /// models services that take such a call as new, to show what a saga relies on the contract for.
    /// </param>
    public EffectLedger(SagaDefinition saga, IReadOnlyDictionary<string, object?>? results = null, bool retiresCompensatedKeys = true)
    {
        this.saga = saga ?? throw new ArgumentNullException(nameof(saga));
        this.results = results ?? new Dictionary<string, object?>();
        this.retiresCompensatedKeys = retiresCompensatedKeys;
    }

    private enum KeyState
    {
        Applied,
        Undone,
        Dead,
    }

    /// <inheritdoc/>
    public override WorldAnswer Apply(WorldCall activityCall) =>
        (activityCall ?? throw new ArgumentNullException(nameof(activityCall))).Kind == SagaCallKind.Step ? Take(activityCall) : Undo(activityCall);

    /// <summary>Undos that land after the end are not the workflow's ordering: the order rule stops judging.</summary>
    /// <inheritdoc/>
    public override void WorkflowEnded() => workflowEnded = true;

    /// <inheritdoc/>
    public override bool Holds(string stepName) =>
        stepOfKey.Any(pair => pair.Value == stepName && keys[pair.Key] == KeyState.Applied);

    /// <inheritdoc/>
    public override IEnumerable<string> Problems() =>
        stepOfKey.Where(pair => keys[pair.Key] != KeyState.Dead)
            .GroupBy(pair => pair.Value, pair => pair.Key)
            .Where(group => group.Count() > 1)
            .Select(group => $"{group.Key} took effect under {group.Count()} keys ({string.Join(", ", group)}): one step, one effect")
            .Concat(undoneBeforeLater
                .Where(pair => undoneByWorkflow.Contains(pair.LaterKey))
                .Select(pair => $"OUT OF ORDER: {pair.By} undid {pair.Undone} while the effect of the later step {pair.Later} still held, and {pair.Later} was undone after it; compensations run newest first"));

    /// <summary>Gets what a step returns when its effect takes place.</summary>
    /// <param name="activityCall">The step's call.</param>
    /// <returns>The configured result, else <c>null</c>; override to compute results from the call.</returns>
    protected virtual object? ResultOf(WorldCall activityCall) =>
        results.TryGetValue((activityCall ?? throw new ArgumentNullException(nameof(activityCall))).Step, out var result) ? result : null;

    private WorldAnswer Take(WorldCall call)
    {
        if (keys.TryGetValue(call.IdempotencyKey, out var state) && (state == KeyState.Applied || retiresCompensatedKeys))
        {
            return state == KeyState.Applied
                ? WorldAnswer.Applied(ResultOf(call))
                : WorldAnswer.Rejected($"key {call.IdempotencyKey} was compensated; its effect can no longer take place");
        }

        keys[call.IdempotencyKey] = KeyState.Applied;
        stepOfKey[call.IdempotencyKey] = call.Step;
        return WorldAnswer.Applied(ResultOf(call));
    }

    private WorldAnswer Undo(WorldCall call)
    {
        // A compensation names its step through its key; a key from which no step key derives undoes
        // nothing, as a real service finds nothing to refund under a key it never saw.
        var stepKey = IdempotencyKey.StepKeyOf(call.IdempotencyKey);
        if (!keys.TryGetValue(stepKey, out var state))
        {
            keys[stepKey] = KeyState.Dead;
            stepOfKey[stepKey] = call.Step;
        }
        else if (state == KeyState.Applied)
        {
            keys[stepKey] = KeyState.Undone;
            if (!workflowEnded)
            {
                undoneByWorkflow.Add(stepKey);
            }

            if (!saga.ParallelCompensation)
            {
                undoneBeforeLater.AddRange(LaterKeysHolding(call.Step).Select(later => (call.Step, call.Label, later.Step, later.Key)));
            }
        }

        return WorldAnswer.Applied(null);
    }

    private List<(string Step, string Key)> LaterKeysHolding(string step)
    {
        var order = saga.Steps.FirstOrDefault(declared => declared.Name == step)?.Order ?? int.MaxValue;
        var later = new HashSet<string>(saga.Steps.Where(declared => declared.Order > order && declared.Compensation is not null).Select(declared => declared.Name), StringComparer.Ordinal);
        return stepOfKey.Where(pair => later.Contains(pair.Value) && keys[pair.Key] == KeyState.Applied).Select(pair => (pair.Value, pair.Key)).ToList();
    }
}
