namespace SagaDsl.Testing.Exploration;

/// <summary>The promises a saga can break, as the explorer checks them on every path.</summary>
public enum ViolationKind
{
    /// <summary>An effect took place, the saga did not complete, and the effect was neither undone nor reported as owed.</summary>
    EffectLeftOver,

    /// <summary>The saga completed, but a critical step's effect does not hold.</summary>
    EffectMissing,

    /// <summary>A step before the pivot was undone although the pivot took effect.</summary>
    UndoneAfterPivot,

    /// <summary>The pivot took effect, but the saga ended without completing and without saying what is owed.</summary>
    PivotTakenNotReported,

    /// <summary>The world model found a problem of its own, such as one step taking effect under two keys.</summary>
    WorldProblem,

    /// <summary>Replaying the workflow's own history failed: its commands differ on replay.</summary>
    Nondeterminism,

    /// <summary>The saga can make no progress: a workflow task fails, or it waits for nothing.</summary>
    Stuck,

    /// <summary>An activity's idempotency key or arguments changed when the workflow replayed.</summary>
    KeyChangedOnReplay,

    /// <summary>Two different steps or compensations, or two executions of the saga, share an idempotency key.</summary>
    KeysNotDistinct,

    /// <summary>A value changed on its way through the payload converter: an argument, a result, the input or the output.</summary>
    PayloadLost,

    /// <summary>The workflow did something the explorer does not model (a cancellable timer, a child workflow), so its paths were not checked past it.</summary>
    Unmodelled,

    /// <summary>The saga's deadline passed before the pivot started, yet the pivot (or, with no pivot, the last step) took effect.</summary>
    DeadlineIgnored,
}
