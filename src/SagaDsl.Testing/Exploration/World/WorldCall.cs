using System.Collections.Generic;
using SagaDsl.Testing.Replay;

namespace SagaDsl.Testing.Exploration.World;

/// <summary>One activity call as the world receives it: what a worker would hand the service.</summary>
/// <param name="Kind">Whether it runs a step or undoes one.</param>
/// <param name="Step">The step it runs or undoes.</param>
/// <param name="Activity">The activity type name.</param>
/// <param name="IdempotencyKey">The idempotency key the activity received.</param>
/// <param name="Arguments">The data arguments as the activity decodes them, without the key.</param>
public sealed record WorldCall(
    SagaCallKind Kind,
    string Step,
    string Activity,
    string IdempotencyKey,
    IReadOnlyList<object?> Arguments)
{
    /// <summary>Gets the name shown in timelines: the step, or the compensation with what it undoes.</summary>
    public string Label => SagaCall.LabelOf(Kind, Step, Activity);
}
