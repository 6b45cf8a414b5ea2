using System;

namespace SagaDsl;

/// <summary>
/// Marks a <c>partial</c> class as a saga. The SagaDsl generator turns it into a Temporal
/// workflow (<c>{Saga}Workflow</c>), its result (<c>{Saga}Result</c>), activity adapters nested in
/// the saga (<c>{Saga}.Activities</c>), worker registration (<c>{Saga}Worker</c>, and
/// <c>{Saga}Hosting</c> for a generic host) and a typed client helper (<c>{Saga}Client</c>).
/// </summary>
/// <remarks>
/// The activity options set here are the defaults for every step and compensation of the saga.
/// </remarks>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class SagaAttribute : ActivityOptionsAttribute
{
    /// <summary>
    /// Gets or sets the Temporal workflow type name; the class name when unset. Activity names
    /// are derived from it (<c>"{Name}.{Method}"</c>), so renaming it is a breaking change for
    /// running sagas.
    /// </summary>
    public string? Name { get; set; }

    /// <summary>
    /// Gets or sets whether compensations run all at once instead of one after another in
    /// reverse step order. Use it only when compensations do not depend on each other.
    /// </summary>
    public bool ParallelCompensation { get; set; }

    /// <summary>
    /// Gets or sets how long after its start the saga may take to reach its pivot, as a TimeSpan such
    /// as <c>"02:00:00"</c>. When the deadline passes first, the running step is cancelled and the saga
    /// compensates; once the pivot has started, a deadline that passes is only reported. Unlike a
    /// workflow execution timeout, it leaves the saga the time to undo what it did.
    /// </summary>
    public string? Deadline { get; set; }

    /// <summary>
    /// Gets or sets the name of a keyword search attribute the saga keeps set to its phase
    /// (<c>Running</c>, <c>Compensating</c>, then how it ended), so one visibility query such as
    /// <c>SagaPhase = 'CompensationFailed'</c> finds every saga in that phase. Unset by default: like
    /// every search attribute, it must exist on the namespace first.
    /// </summary>
    public string? PhaseSearchAttribute { get; set; }

    /// <summary>
    /// Gets or sets the default maximum attempts of one round of a compensation (built-in default:
    /// 10). A round that ends without an answer is followed by another with the same key, so a
    /// compensation runs until it succeeds or fails with a non-retryable error.
    /// </summary>
    public int CompensationMaximumAttempts { get; set; }
}
