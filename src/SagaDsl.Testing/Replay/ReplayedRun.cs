using System;
using System.Collections.Generic;

namespace SagaDsl.Testing.Replay;

/// <summary>What replaying one history of a saga workflow showed.</summary>
/// <param name="ReplayFailure">
/// Why the replayer rejected the run (a nondeterminism error when the workflow's commands differ
/// from the history), or <c>null</c> when the workflow did exactly what the history records.
/// </param>
/// <param name="Calls">The activities the workflow scheduled, in order.</param>
/// <param name="Result">The workflow's result when it completed.</param>
/// <param name="Failure">What the workflow failed or was cancelled with.</param>
/// <param name="SearchAttributes">The workflow's search attributes when its run ended, name to value.</param>
/// <param name="Status">
/// What the workflow's <c>Status</c> query answers at the end of the history (of a generated saga;
/// <c>null</c> for a workflow that has none): for a history that stops while the saga runs, where it
/// stands at that point.
/// </param>
public sealed record ReplayedRun(
    Exception? ReplayFailure,
    IReadOnlyList<SagaCall> Calls,
    object? Result,
    Exception? Failure,
    IReadOnlyDictionary<string, object> SearchAttributes,
    SagaDsl.Runtime.SagaStatus? Status = null);
