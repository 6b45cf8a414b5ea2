using System.Collections.Generic;

namespace SagaDsl.Runtime;

/// <summary>A saga's answer to its <c>Status</c> query: where it stands and what it did so far.</summary>
/// <param name="Saga">The saga's name.</param>
/// <param name="Phase">Where it stands.</param>
/// <param name="CurrentStep">The step it runs, or <c>null</c> between steps and once the steps are over.</param>
/// <param name="CompletedSteps">The steps that completed, in order.</param>
/// <param name="PendingCompensations">
/// The steps whose compensation has not run: what the saga would undo if it failed now, newest last.
/// </param>
/// <param name="CompensatedSteps">The steps whose compensation ran, in the order they ran.</param>
/// <param name="RetryingCompensations">
/// The compensations that used up a round of attempts without an answer and run again with the same
/// key, each with how its last round ended; one stays here until it succeeds or fails for good.
/// </param>
/// <param name="FailedCompensations">The compensations that failed for good and an operator skipped, each with the reason.</param>
/// <param name="WaitingForOperator">
/// What the saga parked: compensations and critical steps after the pivot that failed for good, each
/// waiting for the workflow's <c>Retry</c> or <c>Skip</c> update.
/// </param>
/// <param name="Owed">The steps that may have taken effect and could not be undone, with their keys.</param>
/// <param name="NonCriticalFailures">The non-critical steps that failed.</param>
/// <param name="SkippedSteps">The critical steps after the pivot an operator told the saga to go on without, each with the reason.</param>
/// <param name="DeadlinePassed">
/// Whether the saga's deadline has passed: before the pivot it made the saga compensate; after, it is
/// only reported here and in the log.
/// </param>
public sealed record SagaStatus(
    string Saga,
    SagaPhase Phase,
    string? CurrentStep,
    IReadOnlyList<string> CompletedSteps,
    IReadOnlyList<string> PendingCompensations,
    IReadOnlyList<string> CompensatedSteps,
    IReadOnlyList<StepFailure> RetryingCompensations,
    IReadOnlyList<StepFailure> FailedCompensations,
    IReadOnlyList<StepFailure> WaitingForOperator,
    IReadOnlyList<StepFailure> Owed,
    IReadOnlyList<StepFailure> NonCriticalFailures,
    IReadOnlyList<StepFailure> SkippedSteps,
    bool DeadlinePassed);
