using System.Collections.Generic;

namespace SagaDsl.Testing.Exploration.Driving;

/// <summary>Something the workflow did during one replayed task that leads to a command, in the order it did it.</summary>
/// <param name="HistoryLength">
/// The history's length when it happened: equal to the replayed prefix in the task the explorer
/// asked about; -1 for a cancellation callback, which runs outside the workflow's context and is
/// placed by the explorer's own record of which activities are pending.
/// </param>
internal abstract record ObservedCommand(int HistoryLength);

/// <summary>The workflow scheduled an activity.</summary>
/// <param name="HistoryLength">The history's length when it was scheduled.</param>
/// <param name="Seq">The SDK's sequence number of the activity: its id unless the workflow set one.</param>
/// <param name="ActivityId">The activity id the scheduled event carries.</param>
/// <param name="Activity">The activity type name.</param>
/// <param name="TaskQueue">The task queue.</param>
/// <param name="Arguments">The arguments as the workflow passed them, the idempotency key last.</param>
/// <param name="Shape">The options that decide what the environment can answer.</param>
internal sealed record ScheduledActivity(
    int HistoryLength,
    int Seq,
    string ActivityId,
    string Activity,
    string TaskQueue,
    IReadOnlyList<object?> Arguments,
    ActivityShape Shape) : ObservedCommand(HistoryLength);

/// <summary>The workflow started a timer that nothing cancels.</summary>
/// <param name="HistoryLength">The history's length when it was started.</param>
/// <param name="Seq">The SDK's sequence number of the timer: its id in the history.</param>
/// <param name="Delay">How long after it starts it fires.</param>
internal sealed record StartedTimer(int HistoryLength, int Seq, System.TimeSpan Delay) : ObservedCommand(HistoryLength);

/// <summary>The cancellation token of a scheduled activity was cancelled.</summary>
internal sealed record ActivityTokenCancelled(int Seq) : ObservedCommand(-1);

/// <summary>The workflow's search attributes changed before this point.</summary>
internal sealed record SearchAttributesUpserted(int HistoryLength) : ObservedCommand(HistoryLength);

/// <summary>The workflow called <c>Workflow.Patched</c> for a patch its history has no marker of: core records one.</summary>
/// <param name="HistoryLength">The history's length in the task that called it.</param>
/// <param name="PatchId">The patch's id.</param>
internal sealed record PatchRecorded(int HistoryLength, string PatchId) : ObservedCommand(HistoryLength);

/// <summary>The workflow did something the explorer does not model (a cancellable timer, a child workflow, a local activity).</summary>
internal sealed record UnmodelledCommand(int HistoryLength, string What) : ObservedCommand(HistoryLength);

/// <summary>The handler of an update the task accepted returned (or threw, when <paramref name="Failure"/> is set).</summary>
/// <param name="HistoryLength">The history's length when it returned.</param>
/// <param name="UpdateId">The update's id.</param>
/// <param name="Failure">What the handler threw, which fails the update and not the workflow.</param>
internal sealed record UpdateFinished(int HistoryLength, string UpdateId, System.Exception? Failure) : ObservedCommand(HistoryLength);
