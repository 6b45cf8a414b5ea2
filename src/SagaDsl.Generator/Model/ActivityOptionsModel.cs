namespace SagaDsl.Generator.Model;

/// <summary>
/// The resolved activity options of one step or compensation: attribute, then saga default, then
/// built-in default, already applied. Durations are in ticks; <c>null</c> leaves Temporal's default.
/// </summary>
/// <param name="TaskQueue">The queue, or <c>null</c> for the workflow's own queue.</param>
/// <param name="Detached">Whether the activity ignores workflow cancellation (compensations, the pivot, steps after it).</param>
/// <param name="WaitsForCancellation">
/// Whether a cancelled activity is awaited until it answers (critical steps before the pivot): a
/// step that completes despite the cancel is then known, and compensated.
/// </param>
internal sealed record ActivityOptionsModel(
    long? StartToCloseTicks,
    long? ScheduleToCloseTicks,
    long? HeartbeatTicks,
    int MaximumAttempts,
    long? InitialIntervalTicks,
    long? MaximumIntervalTicks,
    double? BackoffCoefficient,
    EquatableArray<string> NonRetryableErrorTypes,
    string? TaskQueue,
    bool Detached,
    bool WaitsForCancellation = false);
