using System;
using System.Collections.Generic;

namespace SagaDsl.Testing.Exploration.World;

/// <summary>
/// The systems a saga acts on, as the explorer models them: which calls take effect and what holds
/// in the world afterwards. The explorer creates a fresh world for every path it checks and applies
/// that path's effects in order, so a world needs no copying or undo.
/// </summary>
/// <remarks>
/// The default is <see cref="EffectLedger"/>: one effect per step, keyed by its idempotency key.
/// Derive from this class to check a saga against richer models, such as the real services a
/// sample's activities call.
/// </remarks>
public abstract class SagaWorld
{
    /// <summary>
    /// The effect of one activity call takes place, or the service refuses it. Called once for each
    /// effect on the path, including effects that land after the workflow ended.
    /// </summary>
    /// <param name="activityCall">The call.</param>
    /// <returns>What the service answers.</returns>
    public abstract WorldAnswer Apply(WorldCall activityCall);

    /// <summary>Gets whether the effect of <paramref name="stepName"/> is in the world now: taken and not undone.</summary>
    /// <param name="stepName">The step's method name.</param>
    /// <returns>Whether the effect holds.</returns>
    public abstract bool Holds(string stepName);

    /// <summary>
    /// The workflow has ended: what takes effect from now on (attempts still running, late
    /// completions) no longer happens in an order the workflow chose. Called once per checked end,
    /// before those late effects are applied; nothing by default.
    /// </summary>
    public virtual void WorkflowEnded()
    {
    }

    /// <summary>
    /// Lists what the world itself finds wrong, beyond what <see cref="Holds"/> tells: an effect
    /// taken under two keys, money refunded twice. Each entry is a violation of the path.
    /// </summary>
    /// <returns>The problems, each in a sentence; none by default.</returns>
    public virtual IEnumerable<string> Problems() => Array.Empty<string>();
}
