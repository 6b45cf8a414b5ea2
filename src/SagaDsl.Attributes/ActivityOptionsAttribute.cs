using System;
using System.ComponentModel;

namespace SagaDsl;

/// <summary>
/// Temporal activity options shared by <see cref="SagaAttribute"/> (saga-wide defaults),
/// <see cref="SagaStepAttribute"/> and <see cref="CompensatedByAttribute"/>.
/// </summary>
/// <remarks>
/// Durations are <see cref="TimeSpan"/> texts in the invariant format (<c>"00:00:30"</c>,
/// <c>"1.00:00:00"</c>) because attributes cannot hold a <see cref="TimeSpan"/>. The generator
/// parses them at compile time: a value that does not parse, or is not positive, is a
/// compile-time error rather than a failure when the activity is scheduled. Only the options
/// written on an attribute override the level above it (step, then saga, then built-in default).
/// This base is not an attribute of its own: write the options on one of the three above.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class ActivityOptionsAttribute : Attribute
{
    // Only the DSL's attributes derive from it: the generator reads no other.
    private protected ActivityOptionsAttribute()
    {
    }

    /// <summary>Gets or sets the longest a single attempt may run, e.g. <c>"00:00:30"</c>.</summary>
    public string? StartToCloseTimeout { get; set; }

    /// <summary>Gets or sets the longest the activity may take over all its attempts.</summary>
    public string? ScheduleToCloseTimeout { get; set; }

    /// <summary>Gets or sets the heartbeat timeout; steps that heartbeat should set it.</summary>
    public string? HeartbeatTimeout { get; set; }

    /// <summary>Gets or sets the maximum number of attempts; <c>0</c> means unlimited.</summary>
    public int MaximumAttempts { get; set; }

    /// <summary>Gets or sets the delay before the first retry.</summary>
    public string? InitialInterval { get; set; }

    /// <summary>Gets or sets the longest delay between two retries.</summary>
    public string? MaximumInterval { get; set; }

    /// <summary>Gets or sets the factor the retry delay grows by; at least 1.</summary>
    public double BackoffCoefficient { get; set; }

    /// <summary>Gets or sets the application error types that are never retried.</summary>
    public string[]? NonRetryableErrorTypes { get; set; }

    /// <summary>Gets or sets the task queue the activity is scheduled on.</summary>
    public string? TaskQueue { get; set; }
}
