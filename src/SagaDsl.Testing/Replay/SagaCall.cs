using System.Collections.Generic;

namespace SagaDsl.Testing.Replay;

/// <summary>Whether an activity call runs a step or undoes one.</summary>
public enum SagaCallKind
{
    /// <summary>The call runs a step.</summary>
    Step,

    /// <summary>The call runs the compensation of a step.</summary>
    Compensation,
}

/// <summary>One activity a saga workflow scheduled, as it left the workflow.</summary>
/// <param name="Kind">Whether it runs a step or a compensation.</param>
/// <param name="Step">The step it runs or undoes.</param>
/// <param name="Activity">The activity type name.</param>
/// <param name="Arguments">The data arguments (saga input, earlier step results), without the idempotency key.</param>
/// <param name="IdempotencyKey">The idempotency key the activity receives.</param>
/// <param name="TaskQueue">The task queue it was scheduled on.</param>
/// <param name="Detached">Whether it ignores the workflow's cancellation.</param>
/// <param name="MaximumAttempts">Its retry policy's maximum attempts; 0 retries without limit.</param>
/// <param name="HistoryLength">The history's length when it was scheduled: equal for activities of one workflow task.</param>
public sealed record SagaCall(
    SagaCallKind Kind,
    string Step,
    string Activity,
    IReadOnlyList<object?> Arguments,
    string IdempotencyKey,
    string TaskQueue,
    bool Detached,
    int MaximumAttempts,
    int HistoryLength)
{
    /// <summary>Gets the activity name without the saga's prefix: the step's or the compensation's method name.</summary>
    public string Method => MethodOf(Activity);

    /// <summary>Gets the name shown in reports: the step, or the compensation with what it undoes.</summary>
    public string Label => LabelOf(Kind, Step, Activity);

    internal static string LabelOf(SagaCallKind kind, string step, string activity) =>
        kind == SagaCallKind.Step ? step : $"{MethodOf(activity)} (undo {step})";

    private static string MethodOf(string activity) => activity.Substring(activity.LastIndexOf('.') + 1);
}
